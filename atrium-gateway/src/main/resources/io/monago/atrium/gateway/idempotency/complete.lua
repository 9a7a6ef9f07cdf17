-- Records how a claimed call ended. KEYS[1]: the key's hash. ARGV: the sealed answer ('' releases
-- the key, for an answer that invites a retry), how long a key is remembered from its claim (ms).
-- A key whose claim lapsed is not brought back.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[1] == '' then
  redis.call('DEL', KEYS[1])
  return 1
end
local created = tonumber(redis.call('HGET', KEYS[1], 'created'))
redis.call('HSET', KEYS[1], 'reply', ARGV[1])
redis.call('PEXPIREAT', KEYS[1], created + tonumber(ARGV[2]))
return 1
