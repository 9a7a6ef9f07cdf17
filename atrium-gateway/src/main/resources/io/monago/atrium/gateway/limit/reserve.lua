-- Checks a call's demand against its key's and workspace's limits and, when every limit holds,
-- takes it, in one step: Redis runs no other command in between, so instances cannot overspend.
-- KEYS, 8 per scope (key, then workspace): requests this minute, tokens this minute, rupiah
-- committed today, this month, tokens used today, this month, rupiah spent today, this month.
-- ARGV: tokens, rupiah, then when the minute, day and month keys expire (unix seconds), then per
-- scope its limits: requests and tokens per minute, rupiah per day and per month ('' = none).
-- Returns the refused limit's name ('' when admitted), its scope (1 key, 2 workspace), then the
-- usage before this call: per scope tokens today, this month, rupiah today, this month (as text,
-- since Redis would cut Lua numbers to integers).
local tokens = tonumber(ARGV[1])
local idr = tonumber(ARGV[2])
local function value(k)
  local v = redis.call('GET', k)
  if v then return tonumber(v) end
  return 0
end
local usage = {}
for s = 0, 1 do
  for i = 5, 8 do usage[#usage + 1] = tostring(value(KEYS[s * 8 + i])) end
end
local function answer(limit, scope)
  local r = {limit, scope}
  for i = 1, #usage do r[#r + 1] = usage[i] end
  return r
end
for s = 0, 1 do
  local k = s * 8
  local a = 5 + s * 4
  if ARGV[a + 1] ~= '' and value(KEYS[k + 1]) + 1 > tonumber(ARGV[a + 1]) then
    return answer('requests_per_minute', s + 1)
  end
  if ARGV[a + 2] ~= '' and value(KEYS[k + 2]) + tokens > tonumber(ARGV[a + 2]) then
    return answer('tokens_per_minute', s + 1)
  end
  if ARGV[a + 3] ~= '' and value(KEYS[k + 3]) + idr > tonumber(ARGV[a + 3]) then
    return answer('idr_per_day', s + 1)
  end
  if ARGV[a + 4] ~= '' and value(KEYS[k + 4]) + idr > tonumber(ARGV[a + 4]) then
    return answer('idr_per_month', s + 1)
  end
end
for s = 0, 1 do
  local k = s * 8
  redis.call('INCR', KEYS[k + 1])
  redis.call('EXPIREAT', KEYS[k + 1], ARGV[3])
  redis.call('INCRBYFLOAT', KEYS[k + 2], ARGV[1])
  redis.call('EXPIREAT', KEYS[k + 2], ARGV[3])
  redis.call('INCRBYFLOAT', KEYS[k + 3], ARGV[2])
  redis.call('EXPIREAT', KEYS[k + 3], ARGV[4])
  redis.call('INCRBYFLOAT', KEYS[k + 4], ARGV[2])
  redis.call('EXPIREAT', KEYS[k + 4], ARGV[5])
end
return answer('', 0)
