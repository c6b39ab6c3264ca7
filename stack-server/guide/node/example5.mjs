// Example 5: Sampling Parameters
import { client, MODEL_ID } from "./setup.mjs";

// Low temperature = deterministic
let response = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [{ role: "user", content: "Write a haiku about coding" }],
  temperature: 0.1,
  max_tokens: 50,
  stream: false,
});
const low = response; // not in the guide: kept for the line below

// High temperature = creative
response = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [{ role: "user", content: "Write a haiku about coding" }],
  temperature: 0.9,
  top_p: 0.95,
  max_tokens: 50,
  stream: false,
});

// Not in the guide (it prints nothing here): what NodeGuideExamplesTest checks.
console.log(JSON.stringify({ low: low.choices[0].message.content, high: response.choices[0].message.content }));
