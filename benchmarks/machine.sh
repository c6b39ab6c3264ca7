#!/bin/sh
# Prints what a benchmark result needs beside it: date, machine, JDK and the command that ran ("$*").
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)," \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "jdk: $(java -version 2>&1 | head -n 2 | tail -n 1)"
echo "command: $*"
