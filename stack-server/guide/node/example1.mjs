// Example 1: Simple Chat Completion (Non-Streaming)
import { client, MODEL_ID } from "./setup.mjs";

// Uses OpenAI-compatible API: client.chat.completions.create()
const response = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [{ role: "user", content: "Which planet do humans live on?" }],
  stream: false,
});

console.log(`Response: ${response.choices[0].message.content}`);
console.log(`Tokens used: ${response.usage.total_tokens}`);
