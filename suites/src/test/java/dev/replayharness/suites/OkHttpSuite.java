package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.okhttp.OkHttpRecordedTest;

/**
 * Suite {@code okhttp}: the OkHttp interceptor's recorded tests (a plain {@code OkHttpClient},
 * {@code okhttp-sse}, the OpenAI SDK's OkHttp client) against Bedrock's OpenAI-compatible endpoint;
 * default setup {@code bedrock}. Run it with {@code mvn test -Dsuite=okhttp}; re-record it offline with
 * {@code -Dsetup=bedrock-emulator -Dharness.mode=record}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("okhttp")
@SelectClasses(OkHttpRecordedTest.class)
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock")
public class OkHttpSuite {}
