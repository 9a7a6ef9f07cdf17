wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-mng-load-test"
wrk.body = '{"model":"gpt-5.4-mini","messages":[{"role":"system","content":"Kamu asisten klinis untuk dokter."},{"role":"user","content":"Pasien dengan NIK 3201234567890123 dan nomor HP 081234567890 datang dengan keluhan batuk sudah 2 minggu. Tolong analisis kemungkinan diagnosa."}]}'
