-- wrk script: students sending the enquiry form as a browser does. Each connection GETs the form at the
-- path wrk was given (/enquiry/, or bench/floor.py's), reads the CSRF cookie and token, the form's signed
-- clock and a course from the page, then POSTs it back with a phone number and a client address
-- (X-Forwarded-For, as nginx would pass it) never used before in the run.
-- done() prints how many POSTs were accepted (302 to the thank-you page) and anything unexpected.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  forms, sent, accepted, unexpected = {}, 0, 0, 0
  serial = 0
end

local function form_request()
  return wrk.format("GET", wrk.path)
end

function request()
  local form = table.remove(forms)
  if form == nil then
    return form_request()
  end
  serial = serial + 1
  sent = sent + 1
  local phone = string.format("9%d%08d", id, serial)
  local body = "csrfmiddlewaretoken=" .. form.token .. "&started=" .. form.started ..
    "&name=Bench+Student+" .. id .. "-" .. serial .. "&phone=" .. phone .. "&email=&course=" .. form.course ..
    "&mode=online&city=Pune&message=&consent=on&website=&source_page=%2Farticles%2F&referrer="
  return wrk.format("POST", wrk.path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. form.cookie,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id, math.floor(serial / 250) % 250, serial % 250 + 1),
  }, body)
end

function response(status, headers, body)
  if status == 302 then
    accepted = accepted + 1
    return
  end
  local token = body and body:match('name="csrfmiddlewaretoken" value="([^"]+)"')
  local started = body and body:match('name="started" value="([^"]+)"')
  local course = body and body:match('<option value="(%d+)"')
  local cookie = (headers["Set-Cookie"] or ""):match("csrftoken=([^;]+)")
  if status == 200 and token and started and course and cookie and not body:find("errorlist") then
    -- the clock is signed text with ':' separators; url-encode what a form post would
    started = started:gsub("([^%w%-_%.~])", function(c) return string.format("%%%02X", string.byte(c)) end)
    table.insert(forms, {token = token, started = started, course = course, cookie = cookie})
  else
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local total_sent, total_accepted, total_unexpected = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_accepted = total_accepted + thread:get("accepted")
    total_unexpected = total_unexpected + thread:get("unexpected")
  end
  io.write(string.format("ENQUIRIES sent=%d accepted=%d unexpected=%d\n", total_sent, total_accepted,
                         total_unexpected))
end
