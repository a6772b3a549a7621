-- wrk script: each request spends one single-use credential from a file
-- (an authorization code or a refresh token) at POST /oauth2/token, every
-- thread its own share. In the code phase the refresh tokens answered are
-- appended to SPEND_OUT.<thread> for the next phase; in the refresh phase
-- they go back in the thread's queue, as a client refreshes with the token
-- it was last given (a steady phase on a fixed set of grants).
-- Environment: SPEND_KIND (code or refresh), SPEND_FILE, SPEND_OUT,
-- SPEND_THREADS, SPEND_AUTH (Basic value), SPEND_REDIRECT.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  kind = os.getenv("SPEND_KIND")
  local nthreads = tonumber(os.getenv("SPEND_THREADS"))
  items = {}
  local i = 0
  for line in io.lines(os.getenv("SPEND_FILE")) do
    if i % nthreads == id then
      items[#items + 1] = line
    end
    i = i + 1
  end
  next_item = 1
  out = io.open(os.getenv("SPEND_OUT") .. "." .. id, "w")
  ok, failed, ran_out = 0, 0, 0
  headers = {
    ["Authorization"] = os.getenv("SPEND_AUTH"),
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }
  redirect = os.getenv("SPEND_REDIRECT")
end

function request()
  local item = items[next_item]
  next_item = next_item + 1
  if item == nil then
    ran_out = ran_out + 1
    item = "exhausted"
  end
  local body
  if kind == "code" then
    body = "grant_type=authorization_code&code=" .. item .. "&redirect_uri=" .. redirect
  else
    body = "grant_type=refresh_token&refresh_token=" .. item
  end
  return wrk.format("POST", "/oauth2/token", headers, body)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    local refresh = body:match('"refresh_token":"([^"]+)"')
    if refresh and kind == "refresh" then
      items[#items + 1] = refresh
    elseif refresh then
      out:write(refresh, "\n")
      out:flush()
    end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_failed, total_ran_out = 0, 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_failed = total_failed + t:get("failed")
    total_ran_out = total_ran_out + t:get("ran_out")
  end
  io.write(string.format(
    'RESULT {"ok": %d, "failed": %d, "ran_out": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f}\n',
    total_ok, total_failed, total_ran_out, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
