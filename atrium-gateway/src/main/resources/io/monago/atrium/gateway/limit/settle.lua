-- Replaces a call's reservation with what it really used, in one step.
-- KEYS, 7 per scope (key, then workspace): tokens this minute, rupiah committed today, this month,
-- tokens used today, this month, rupiah spent today, this month.
-- ARGV: reserved tokens, reserved rupiah, used tokens, spent rupiah, then when the day and month
-- keys expire (unix seconds).
-- A reservation whose window has passed (its key expired) is left alone: nothing to correct, and
-- writing it again would bring back a counter nobody reads.
local function correct(k, delta)
  if redis.call('EXISTS', k) == 1 then
    local v = tonumber(redis.call('INCRBYFLOAT', k, delta))
    if v < 0 then redis.call('SET', k, '0', 'KEEPTTL') end
  end
end
local function add(k, amount, at)
  redis.call('INCRBYFLOAT', k, amount)
  redis.call('EXPIREAT', k, at)
end
local dTokens = tonumber(ARGV[3]) - tonumber(ARGV[1])
local dIdr = tonumber(ARGV[4]) - tonumber(ARGV[2])
for s = 0, 1 do
  local k = s * 7
  correct(KEYS[k + 1], dTokens)
  correct(KEYS[k + 2], dIdr)
  correct(KEYS[k + 3], dIdr)
  add(KEYS[k + 4], ARGV[3], ARGV[5])
  add(KEYS[k + 5], ARGV[3], ARGV[6])
  add(KEYS[k + 6], ARGV[4], ARGV[5])
  add(KEYS[k + 7], ARGV[4], ARGV[6])
end
return 1
