// Setup (the guide's "Python SDK Examples / Setup"), with Node's official openai package.
import OpenAI from "openai";

// Configuration
export const BASE_URL = process.env.LLAMA_STACK_BASE_URL ?? "http://localhost:8321";
export const MODEL_ID = "bedrock/openai.gpt-oss-20b-1:0";

// Initialize client (no auth needed - server handles Bedrock auth; the openai package wants some key)
export const client = new OpenAI({ baseURL: `${BASE_URL}/v1`, apiKey: "no-auth-needed" });
