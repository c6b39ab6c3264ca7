// Example 4: System Messages (Role-Based Prompting)
import { client, MODEL_ID } from "./setup.mjs";

const response = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [
    {
      role: "system",
      content: "You are Shakespeare. Respond only in Shakespearean English.",
    },
    { role: "user", content: "Tell me about the weather today" },
  ],
  stream: false,
});

console.log(`Shakespeare: ${response.choices[0].message.content}`);
