package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.langchain4j.LangChain4jRecordedTest;

/**
 * Suite {@code langchain4j}: LangChain4j's OpenAI models through {@code harness-langchain4j}, replayed from
 * {@code recordings/langchain4j}; default setup {@code bedrock-emulator} (where it records). Run it with
 * {@code mvn test -Dsuite=langchain4j}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("langchain4j")
@SelectClasses(LangChain4jRecordedTest.class)
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock-emulator")
public class LangChain4jSuite {}
