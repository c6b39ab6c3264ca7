#!/bin/bash
export BASE_URL="${BASE_URL:-http://localhost:8321}"

# Auto-discover Bedrock model
MODEL_ID=$(curl -s "${BASE_URL}/v1/models" | jq -r '.data[] | select(.identifier | contains("bedrock")) | .identifier' | head -1)
echo "Using model: $MODEL_ID"

# Test non-streaming
echo "Testing non-streaming..."
curl -s -X POST "${BASE_URL}/v1/chat/completions" \
  -H "Content-Type: application/json" \
  -d '{
    "model": "'"${MODEL_ID}"'",
    "messages": [{"role": "user", "content": "Say hello in 3 words"}],
    "stream": false
  }' | jq -r '.choices[0].message.content'

echo "Test complete!"
