-- wrk script: a request about a random seeded lead (ids in a file, one per line), so the load spreads over the whole
-- seeded set instead of one hot row (and writes don't all queue on one object's lock).
-- Usage: wrk ... -s bench/get-random-lead.lua http://host:port -- <ids file> <path prefix> [suffix] [body]
--   GET <path prefix><random id><suffix>: the suffix defaults to "/" (e.g. prefix "/api/v1/comment/?object_id=" with
--   suffix "" for a query);
--   with a body: POST <path prefix><suffix> with the body's LEAD replaced by the random id, e.g.
--   -- ids.txt /api/v1/activity/note/ "" '{"lead_id": "LEAD", "note": "Bench"}'
local ids = {}
local prefix
local suffix
local body
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  prefix = args[2] or "/api/v1/lead/"
  suffix = args[3] or "/"
  body = args[4]
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  if #ids == 0 then error("no ids in " .. tostring(args[1])) end
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  if body then
    -- added to wrk's headers (Host, and the -H Authorization): a headers table given to wrk.format would replace them
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  local id = ids[math.random(#ids)]
  if body then
    return wrk.format("POST", prefix .. suffix, nil, (body:gsub("LEAD", id)))
  end
  return wrk.format(nil, prefix .. id .. suffix)
end
