-- wrk script: each request signs the demo petition with the next prepared form (cookie, CSRF
-- token, CAPTCHA key and answer, a number for a unique address); args: data file, threads, path.
expected = 302

function configure(args)
  path = args[3]
end

function request()
  local line, instead = next_line()
  if line == nil then return instead end
  local cookie, token, key, answer, number = line:match("([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)")
  local body = "csrfmiddlewaretoken=" .. token
    .. "&given_names=Bench&family_names=Signer&country=BG&city=Sofia"
    .. "&email=bench-" .. number .. "%40example.org&privacy=on"
    .. "&captcha_0=" .. key .. "&captcha_1=" .. answer
  return post_form(path, cookie, body)
end
