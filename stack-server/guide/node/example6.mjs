// Example 6: Error Handling
import { client, MODEL_ID } from "./setup.mjs";

/** Wrapper with error handling for chat completions. */
async function safeChatCompletion(messages, modelId = MODEL_ID) {
  try {
    const response = await client.chat.completions.create({
      model: modelId, messages: messages, stream: false,
    });
    return response.choices[0].message.content;
  } catch (e) {
    const errorMsg = String(e);
    if (errorMsg.includes("401") || errorMsg.toLowerCase().includes("unauthorized")) {
      console.log("Auth Error: Check AWS_BEARER_TOKEN_BEDROCK on server");
    } else if (errorMsg.includes("404")) {
      console.log(`Model not found: ${modelId}`);
    } else {
      console.log(`Error: ${e}`);
    }
    return null;
  }
}


// Usage
const result = await safeChatCompletion([{ role: "user", content: "Hello!" }]);

// Not in the guide (it prints nothing here): what NodeGuideExamplesTest checks, and the 404 branch.
console.log(JSON.stringify({ result }));
await safeChatCompletion([{ role: "user", content: "Hello!" }], "bedrock/no-such-model");
