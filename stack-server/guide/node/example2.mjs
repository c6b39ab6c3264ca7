// Example 2: Streaming Response
import { client, MODEL_ID } from "./setup.mjs";

const stream = await client.chat.completions.create({
  model: MODEL_ID,
  messages: [{ role: "user", content: "What's the name of the Sun in Latin?" }],
  stream: true,
});

process.stdout.write("Streaming response: ");
for await (const chunk of stream) {
  if (chunk.choices && chunk.choices.length && chunk.choices[0].delta && chunk.choices[0].delta.content) {
    process.stdout.write(chunk.choices[0].delta.content);
  }
}
console.log();
