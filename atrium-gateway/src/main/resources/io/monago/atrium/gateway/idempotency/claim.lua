-- Claims an Idempotency-Key for one call, or says why it must not be processed, in one step: of
-- two instances that get the same key at once, exactly one proceeds.
-- KEYS[1]: the key's hash. ARGV: the body's fingerprint, how long an unfinished claim holds (ms),
-- the claim's time (unix ms).
-- Returns {'proceed'}, {'mismatch'}, {'in_progress'} or {'replay', sealed answer}.
local h = redis.call('HMGET', KEYS[1], 'body', 'reply')
if not h[1] then
  redis.call('HSET', KEYS[1], 'body', ARGV[1], 'created', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'proceed'}
end
if h[1] ~= ARGV[1] then return {'mismatch'} end
if not h[2] then return {'in_progress'} end
return {'replay', h[2]}
