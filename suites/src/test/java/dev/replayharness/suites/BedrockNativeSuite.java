package dev.replayharness.suites;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

import dev.replayharness.awssdk.recorded.BedrockNativeRecordedTest;
import dev.replayharness.awssdk.recorded.BedrockNativeStreamRecordedTest;

/**
 * Suite {@code bedrock-native}: Bedrock's native runtime API (Converse, InvokeModel and their event streams) through the AWS SDK for Java v2,
 * replayed from {@code recordings/bedrock-native}; default setup {@code bedrock-native}. Run it with
 * {@code mvn test -Dsuite=bedrock-native}; re-record offline with {@code -Dsetup=bedrock-native-emulator -Dharness.mode=record}.
 */
@Suite(failIfNoTests = false) // a suite not named by -Dsuite runs nothing; the name itself is checked by SuiteSelection
@SuiteDisplayName("bedrock-native")
@SelectClasses({BedrockNativeRecordedTest.class, BedrockNativeStreamRecordedTest.class})
@ConfigurationParameter(key = SuiteNames.DEFAULT_SETUP_KEY, value = "bedrock-native")
public class BedrockNativeSuite {}
