-- wrk script: each request opens the next mailed confirmation link and confirms (the POST of its
-- page), with one CSRF cookie and token for all (args: data file, threads, cookie, token).
local lines = {}
function init(args)
  for line in io.lines(args[1]) do table.insert(lines, line) end
  threads_total = tonumber(args[2])
  cookie = args[3]
  token = args[4]
  index = id + 1
  exhausted = 0
  redirected = 0
  other = 0
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 then redirected = redirected + 1 else other = other + 1 end
end

function request()
  local path = lines[index]
  index = index + threads_total
  if path == nil then
    exhausted = exhausted + 1
    return wrk.format("GET", "/healthz")
  end
  return wrk.format("POST", path, {
    ["Cookie"] = "csrftoken=" .. cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "csrfmiddlewaretoken=" .. token)
end
