package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.spring.SpringAiRecordedTest;

/**
 * Suite {@code spring-ai}: Spring AI's OpenAI chat model through {@code harness-spring} (RestClient and
 * WebClient), replayed from {@code recordings/spring-ai}; default setup {@code bedrock-emulator} (where it
 * records). Run it with {@code mvn test -Dsuite=spring-ai}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("spring-ai")
@SelectClasses(SpringAiRecordedTest.class)
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock-emulator")
public class SpringAiSuite {}
