package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.anthropicsdk.AnthropicSdkRecordedTest;

/**
 * Suite {@code anthropic-sdk}: the Anthropic Java SDK's recorded tests against the Messages API as
 * Bedrock's bedrock-mantle endpoint serves it; default setup {@code bedrock-mantle}. Run it with
 * {@code mvn test -Dsuite=anthropic-sdk}; re-record it offline with
 * {@code -Dsetup=bedrock-mantle-emulator -Dharness.mode=record}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("anthropic-sdk")
@SelectClasses(AnthropicSdkRecordedTest.class)
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock-mantle")
public class AnthropicSdkSuite {}
