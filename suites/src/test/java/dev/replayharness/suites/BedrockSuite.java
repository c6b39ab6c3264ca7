package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.bedrock.recorded.BedrockRecordedChatTest;
import dev.replayharness.bedrock.recorded.BedrockRecordedToolsTest;
import dev.replayharness.bedrock.recorded.LlamaStackFixturesThroughClientTest;
import dev.replayharness.bedrock.recorded.RealBedrockReplayTest;

/**
 * Suite {@code bedrock}: the Bedrock provider's recorded tests, in the spirit of Llama Stack's
 * {@code bedrock} suite. Its roots are the classes below; its default setup is {@code bedrock}
 * ({@code suites/setups/bedrock.properties}). Run it with {@code mvn test -Dsuite=bedrock}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("bedrock")
@SelectClasses({
    BedrockRecordedChatTest.class,
    BedrockRecordedToolsTest.class,
    RealBedrockReplayTest.class,
    LlamaStackFixturesThroughClientTest.class
})
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock")
public class BedrockSuite {}
