vcl 4.1;
# Varnish between nginx and gunicorn: keeps what the site marks public for its s-maxage (and
# serves it stale for its stale-while-revalidate while fetching it anew), bypasses its cache for
# editors (the session cookie), and takes PURGE from the site (wagtail.contrib.frontend_cache,
# FRONTEND_CACHE=varnish, VARNISH_URL). A template like deploy/nginx/eci.conf.template:
#   ECI_BACKEND_HOST, ECI_BACKEND_PORT   gunicorn
#   ECI_PURGERS                          the app servers' address or network (an ACL entry)
# Tested by tests/deploy/test_proxies.py; docs/deployment.md.

import std;

backend site {
    .host = "${ECI_BACKEND_HOST}";
    .port = "${ECI_BACKEND_PORT}";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

acl purgers {
    ${ECI_PURGERS};
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # An editor's pages carry Wagtail's user bar: never from the cache.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Other cookies (the CSRF cookie, an opt-in's) do not change a public page: the site marks
    # public only what it renders the same for every visitor without a session, and sets no
    # cookie on it. They still reach the site on a miss, which needs them for private pages.
    return (hash);
}

sub vcl_backend_response {
    # Varnish honours s-maxage before max-age by itself; stale-while-revalidate becomes grace.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1s"), 0s);
    }
    # A private answer (a form, a receipt) is never kept; builtin.vcl marks it uncacheable.
}

sub vcl_deliver {
    # Whether this answer came from Varnish's cache (obj.hits counts the hits of the object).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
