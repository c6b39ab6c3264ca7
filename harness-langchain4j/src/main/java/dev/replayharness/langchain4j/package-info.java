/**
 * LangChain4j's HTTP client SPI ({@code langchain4j-http-client}) through the harness:
 * {@link dev.replayharness.langchain4j.HarnessLangChain4j#builder(dev.replayharness.core.HarnessSession)} is
 * the {@code HttpClientBuilder} to hand to a LangChain4j model builder.
 */
package dev.replayharness.langchain4j;
