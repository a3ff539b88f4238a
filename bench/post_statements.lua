-- wrk script: each request signs with the next prepared form (cookie, CSRF token, CAPTCHA key and
-- answer, a unique EGN); args: data file, threads, the form's path.
expected = 302

function configure(args)
  path = args[3]
end

function request()
  local line, instead = next_line()
  if line == nil then return instead end
  local cookie, token, key, answer, egn = line:match("([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)")
  local body = "csrfmiddlewaretoken=" .. token
    .. "&first_names=Bench&family_names=Signer&document_type=personal.number"
    .. "&document_number=" .. egn .. "&declaration=on&privacy=on"
    .. "&captcha_0=" .. key .. "&captcha_1=" .. answer
  return post_form(path, cookie, body)
end
