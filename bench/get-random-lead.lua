-- wrk script: GET <path prefix><random id>/ over the ids in a file (one per line), so reads spread over the whole
-- seeded set instead of one hot row.
-- Usage: wrk ... -s bench/get-random-lead.lua http://host:port -- <ids file> <path prefix, e.g. /api/v1/lead/> [suffix]
-- (the suffix after the id defaults to "/"; e.g. prefix "/api/v1/comment/?object_id=" with suffix "" for a query)
local ids = {}
local prefix
local suffix
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  prefix = args[2] or "/api/v1/lead/"
  suffix = args[3] or "/"
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  if #ids == 0 then error("no ids in " .. tostring(args[1])) end
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function request()
  return wrk.format(nil, prefix .. ids[math.random(#ids)] .. suffix)
end
