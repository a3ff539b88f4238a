-- wrk script: each request opens the next mailed confirmation link and confirms (the POST of its
-- page), with one CSRF cookie and token for all (args: data file, threads, cookie, token).
expected = 200

function configure(args)
  cookie = args[3]
  token = args[4]
end

function request()
  local path, instead = next_line()
  if path == nil then return instead end
  return post_form(path, cookie, "csrfmiddlewaretoken=" .. token)
end
