-- wrk script: POST /comment/ on a random seeded lead (ids in a file, one per line), so the writes spread over many
-- threads instead of queueing on one object's thread lock.
-- Usage: wrk ... -s bench/post-comment.lua http://host:port -- <ids file>
local ids = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  if #ids == 0 then error("no ids in " .. tostring(args[1])) end
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  -- added to wrk's headers (Host, and the -H Authorization): a headers table given to wrk.format would replace them
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local body = '{"object_id": "' .. ids[math.random(#ids)] .. '", "body": "<p>Bench <b>comment</b></p>"}'
  return wrk.format("POST", "/api/v1/comment/", nil, body)
end
