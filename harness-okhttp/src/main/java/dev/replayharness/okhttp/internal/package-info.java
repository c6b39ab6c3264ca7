/** Not API: the interceptor behind {@link dev.replayharness.okhttp.HarnessOkHttp} and its message translation. */
package dev.replayharness.okhttp.internal;
