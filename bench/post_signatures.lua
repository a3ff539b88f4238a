-- wrk script: each request signs the demo petition with the next prepared form (cookie, CSRF
-- token, CAPTCHA key and answer, a number for a unique address). Threads take every Nth line.
local lines = {}
function init(args)
  for line in io.lines(args[1]) do table.insert(lines, line) end
  threads_total = tonumber(args[2])
  path = args[3]
  index = id + 1
  exhausted = 0
  redirected = 0
  other = 0
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 302 then redirected = redirected + 1 else other = other + 1 end
end

function request()
  local line = lines[index]
  index = index + threads_total
  if line == nil then
    exhausted = exhausted + 1
    return wrk.format("GET", "/healthz")
  end
  local cookie, token, key, answer, number = line:match("([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)")
  local body = "csrfmiddlewaretoken=" .. token
    .. "&given_names=Bench&family_names=Signer&country=BG&city=Sofia"
    .. "&email=bench-" .. number .. "%40example.org&privacy=on"
    .. "&captcha_0=" .. key .. "&captcha_1=" .. answer
  return wrk.format("POST", path, {
    ["Cookie"] = "csrftoken=" .. cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
