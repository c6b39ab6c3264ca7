curl -X POST "http://localhost:8321/v1/chat/completions" \
  -H "Content-Type: application/json" \
  -d '{
    "model": "bedrock/openai.gpt-oss-20b-1:0",
    "messages": [{"role": "user", "content": "Which planet do humans live on?"}],
    "stream": false
  }' | jq
