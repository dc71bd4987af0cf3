-- wrk script: POST /api/v1/data/search/ with the JSON body in a file (bench/search_bench.py writes it).
-- Usage: wrk ... -s bench/post-search.lua http://host:port -- <body file>
-- The Content-Type goes into wrk.headers (a headers table given to wrk.format would replace Host and Authorization).
function init(args)
  local file = assert(io.open(args[1], "r"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.path = "/api/v1/data/search/"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format()
end
