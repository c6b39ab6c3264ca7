// Example 3: Multi-turn Conversation (Context Retention)
import { client, MODEL_ID } from "./setup.mjs";

const conversation = [
  { role: "user", content: "My name is Alice" },
  {
    role: "assistant",
    content: "Nice to meet you, Alice! How can I help you today?",
  },
  { role: "user", content: "What is my name?" },
];

const response = await client.chat.completions.create({
  model: MODEL_ID, messages: conversation, stream: false,
});

console.log(`Response: ${response.choices[0].message.content}`);
// Expected: Response mentions "Alice" (context retained)
