package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.generic.GenericProviderRecordedTest;

/**
 * Suite {@code generic-openai}: the generic OpenAI-compatible provider's recorded tests; default setup
 * {@code generic-openai-loopback}. Run it with {@code mvn test -Dsuite=generic-openai}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("generic-openai")
@SelectClasses(GenericProviderRecordedTest.class)
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "generic-openai-loopback")
public class GenericOpenAiSuite {}
