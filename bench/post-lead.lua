-- wrk script: POST /lead/ with a lead and one nested contact.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name": "Bench Lead", "url": "https://bench.example", "contacts": [{"name": "Bench Contact", ' ..
           '"emails": [{"email": "bench@bench.example", "type": "office"}]}]}'
