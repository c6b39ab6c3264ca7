curl -X POST "http://localhost:8321/v1/chat/completions" \
  -H "Content-Type: application/json" \
  -d '{
    "model": "bedrock/openai.gpt-oss-20b-1:0",
    "messages": [{"role": "user", "content": "Write a haiku about coding"}],
    "temperature": 0.7,
    "top_p": 0.9,
    "max_tokens": 50,
    "stream": false
  }' | jq
