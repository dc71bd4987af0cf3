-- wrk script: POST /activity/note/ on a random seeded lead (ids in a file, one per line), so the notes spread over
-- the seeded leads as a team's would.
-- Usage: wrk ... -s bench/post-note.lua http://host:port -- <ids file>
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
  local body = '{"lead_id": "' .. ids[math.random(#ids)] .. '", "note_html": "<p>Bench <b>note</b>: called, left a voicemail</p>"}'
  return wrk.format("POST", "/api/v1/activity/note/", nil, body)
end
