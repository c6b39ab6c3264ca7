// Quick Smoke Test Script (the guide's bash, curl and jq), with Node's official openai package.
import OpenAI from "openai";

const BASE_URL = process.env.BASE_URL ?? "http://localhost:8321";
const client = new OpenAI({ baseURL: `${BASE_URL}/v1`, apiKey: "no-auth-needed" });

// Auto-discover Bedrock model
const MODEL_ID = (await client.models.list()).data
  .filter((model) => model.identifier.includes("bedrock"))
  .map((model) => model.identifier)[0];
console.log(`Using model: ${MODEL_ID}`);

// Test non-streaming
console.log("Testing non-streaming...");
const response = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [{ role: "user", content: "Say hello in 3 words" }],
  stream: false,
});
console.log(response.choices[0].message.content);

console.log("Test complete!");
