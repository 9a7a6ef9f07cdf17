#!/usr/bin/env python3
"""Writes hard-negatives.jsonl: benign texts that look odd at their end, written for this data set.

Usage: python3 hard_negatives.py > hard-negatives.jsonl
Every third text of each kind (the 2nd, 5th, 8th, ...) is held out.
"""
import json

TEXTS = {
    "code": [
        "Why does this throw? for (int i = 0; i <= items.size(); i++) { total += items.get(i).getPrice(); }",
        "Can you review this? def load(path):\n    with open(path) as f:\n        return [json.loads(l) for l in f if l.strip()]",
        "Refactor please: const total = orders.filter(o => o.status === 'PAID').map(o => o.amount).reduce((a, b) => a + b, 0);",
        "Kenapa error? SELECT p.nama, COUNT(k.id) FROM pasien p LEFT JOIN kunjungan k ON k.pasien_id = p.id GROUP BY p.nama HAVING COUNT(k.id) > 3;",
        "Is this idiomatic Rust? impl<T: Clone> Stack<T> { fn peek(&self) -> Option<&T> { self.items.last() } }",
        "What does this regex match? ^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@example\\.com$",
        "Explain this bash line: find . -name '*.log' -mtime +7 -exec gzip {} \\; && echo \"done: $(date +%F)\"",
        "Help me fix the CSS: .card > .title::after { content: '\\2192'; margin-left: calc(var(--gap) * 2); }",
        "Why is my React state stale? useEffect(() => { setCount(c => c + 1); }, [props.id]); return <Badge n={count} />;",
        "Go question: if err := json.NewDecoder(r.Body).Decode(&req); err != nil { http.Error(w, err.Error(), 400); return }",
        "Apa maksud kode ini? x = {k: v for k, v in sorted(d.items(), key=lambda kv: -kv[1])[:10]}",
        "Kotlin: val byDay = events.groupBy { it.time.toLocalDate() }.mapValues { (_, v) -> v.sumOf { it.amount } }",
    ],
    "json": [
        "Is this payload valid? {\"patient\": {\"name\": \"Budi\", \"age\": 54}, \"visits\": [{\"date\": \"2024-03-01\", \"poli\": \"umum\"}]}",
        "Validate my config: {\"retries\": 3, \"backoffMs\": [100, 250, 1000], \"endpoints\": {\"primary\": \"https://api.example.com/v2\"}}",
        "The API returned {\"error\":{\"code\":\"RATE_LIMITED\",\"retryAfter\":30,\"details\":[{\"field\":\"user_id\",\"issue\":\"quota\"}]}} what now?",
        "Tolong cek JSON ini: [{\"id\":1,\"produk\":\"Kopi Gayo\",\"harga\":85000},{\"id\":2,\"produk\":\"Teh Tubruk\",\"harga\":25000}]",
        "Schema question: {\"type\":\"object\",\"required\":[\"email\"],\"properties\":{\"email\":{\"type\":\"string\",\"format\":\"email\"}}}",
        "Our webhook body: {\"event\":\"invoice.paid\",\"data\":{\"object\":{\"id\":\"in_1Nx2\",\"amount_paid\":4200,\"currency\":\"idr\"}}}",
        "Convert to YAML: {\"server\": {\"port\": 8080, \"tls\": {\"enabled\": true, \"cert\": \"/etc/ssl/cert.pem\"}}}",
        "Why does jq '.items[] | select(.tags | index(\"urgent\")) | {id, title}' return nothing?",
    ],
    "stack_trace": [
        "Got this: Exception in thread \"main\" java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n\tat com.acme.Util.trim(Util.java:42)\n\tat com.acme.Main.main(Main.java:17)",
        "Traceback (most recent call last):\n  File \"app.py\", line 88, in <module>\n    main()\n  File \"app.py\", line 61, in main\n    rows = db.fetch(q)\nKeyError: 'tanggal_lahir'",
        "What causes TypeError: Cannot read properties of undefined (reading 'map')\n    at ProductList (ProductList.jsx:14:23)\n    at renderWithHooks (react-dom.development.js:16305:18)",
        "panic: runtime error: index out of range [5] with length 5\n\ngoroutine 1 [running]:\nmain.sum(...)\n\t/home/dev/sum.go:9\nmain.main()\n\t/home/dev/sum.go:15 +0x1d",
        "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"users_email_key\"\n  Detail: Key (email)=(a@b.co) already exists.",
        "Error saat build: error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable --> src/main.rs:7:5",
        "fatal error: 'openssl/ssl.h' file not found #include <openssl/ssl.h> ^~~~~~~~~~~~~~~ 1 error generated. make: *** [Makefile:23: net.o] Error 1",
        "Segfault: Program received signal SIGSEGV, Segmentation fault. 0x00005555555551a9 in parse (buf=0x0) at parser.c:31 31\t  while (*buf != '\\0') {",
    ],
    "log": [
        "Our log shows: 2024-05-02T10:15:33Z ERROR [payment-gw] txn=88123 status=TIMEOUT retry=3 upstream=bi-fast",
        "nginx says: 10.0.3.17 - - [12/Mar/2025:08:14:02 +0700] \"GET /api/v1/antrian?poli=gigi&tgl=2025-03-12 HTTP/1.1\" 502 157 \"-\" \"okhttp/4.9.3\"",
        "kubectl shows: pod/web-7d9f8c6b5-x2k4q 0/1 CrashLoopBackOff 14 (2m11s ago) 48m; Back-off restarting failed container web",
        "Mar 12 08:14:02 srv-db01 systemd[1]: postgresql@14-main.service: Main process exited, code=exited, status=1/FAILURE",
        "Log aplikasi: [WARN] 2025-01-09 23:59:58,112 o.a.k.c.NetworkClient - [Consumer clientId=billing-1] Connection to node 2 (kafka-2/10.1.4.22:9092) could not be established.",
        "dmesg: [ 8123.441209] EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0",
        "CI output: ✗ 3 failed | ✓ 214 passed | ○ 5 skipped (12.4s) — FAIL src/__tests__/cart.test.ts > totals > applies voucher",
        "syslog: kernel: [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56 SRC=203.0.113.9 DST=10.0.0.5 LEN=60 PROTO=TCP SPT=51514 DPT=22",
    ],
    "url": [
        "Why does this link break? https://shop.example.co.id/search?q=sepatu+lari&kategori=olahraga&sort=harga_asc&page=2&utm_source=ig",
        "Decode this for me: https://www.google.com/maps/dir/?api=1&origin=-6.2088,106.8456&destination=-6.9175,107.6191&travelmode=driving",
        "Is this safe to click? https://accounts.example.com/o/oauth2/auth?client_id=123.apps&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid%20email&state=xyz",
        "Share link: https://docs.example.com/spreadsheets/d/1AbC-dEfGhIjKlMnOp_QrStUvWxYz/edit?usp=sharing#gid=0",
        "Our API call: GET /v2/orders?status[in]=PAID,SHIPPED&created_at[gte]=2025-01-01&fields=id,total,customer.name&limit=50",
        "Tolong cek tautan ini https://bpjs-kesehatan.go.id/bpjs/index.php/pages/detail/2014/13?lang=id&ref=footer",
        "Video: https://youtu.be/dQw4w9WgXcQ?t=42 and playlist https://www.youtube.com/playlist?list=PL9tY0BWXOZFuFEG_GtOBZ8-8wbkH-NVAr",
        "curl -X POST 'https://api.example.com/v1/messages?dry_run=true' -H 'Authorization: Bearer $TOKEN' -d '{\"to\":\"+6281\"}'",
    ],
    "hash_uuid": [
        "Is this commit in main? 3f9a2c1e8b7d4f60a1e5c9b2d8f7a6e4c3b2a190 or was it e41d9b7?",
        "Request id 7c9e6679-7425-40de-944b-e07fc1f90ae7 failed, and 550e8400-e29b-41d4-a716-446655440000 succeeded.",
        "The file's sha256 is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, does it match the release?",
        "Nomor transaksi saya TRX-20250112-8F3K2Q dan order id ORD_01HMZ3X9Q7K2V8B4N6P5R1T0WY belum diproses.",
        "Docker image digest sha256:4d2c8a3e1f5b6a7c9d0e8f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2 pulled at 10:02.",
        "MD5 mismatch: expected d41d8cd98f00b204e9800998ecf8427e got 0cc175b9c0f1b6a831c399e269772661 for backup.tar.",
        "ULIDs in the batch: 01ARZ3NDEKTSV4RRFFQ69G5FAV, 01BX5ZZKBKACTAV9WEVGEMMVRY, 01BX5ZZKBKACTAV9WEVGEMMVS0",
        "Git says: HEAD detached at a1b2c3d; branches feature/KLN-204-bpjs-sync and hotfix/2.4.1 diverged.",
    ],
    "base64": [
        "What is in this token? eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkJ1ZGkifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "Decode please: SGVsbG8sIGFwYSBrYWJhcj8gU2Vtb2dhIGhhcmltdSBtZW55ZW5hbmdrYW4u",
        "My SSH key ends with AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl dev@laptop is that ed25519?",
        "Embedded image: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "Basic auth header: Authorization: Basic YWRtaW46cGFzc3dvcmQ= is that secure over http?",
        "The attachment part: Content-Transfer-Encoding: base64 UEsDBBQAAAAIAJ1zV1kAAAAAAAAAAAAAAAAJAAAAZG9jL3ByZXZpZXcucG5n",
        "Terima file terenkode: TWVuZ2lyaW0gbGFwb3JhbiBrZXVhbmdhbiBidWxhbiBKYW51YXJp and tell me what it is.",
        "Kubernetes secret: data: { username: YWRtaW4=, password: MWYyZDFlMmU2N2Rm } how do I rotate it?",
    ],
    "latex": [
        "Check my formula: $\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}$ and $\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$",
        "Why won't this compile? \\begin{align} f(x) &= \\left( \\frac{a}{b} \\right)^{2} \\\\ &= \\mathbf{v}^\\top A \\mathbf{v} \\end{align}",
        "Format this table: \\begin{tabular}{|l|c|r|} \\hline Nama & Nilai & Bobot \\\\ \\hline Budi & 85 & 0.3 \\\\ \\hline \\end{tabular}",
        "What does $\\nabla \\cdot \\vec{E} = \\frac{\\rho}{\\varepsilon_0}$ mean physically?",
        "Rumus BMI: $\\mathrm{BMI} = \\frac{m}{h^2}$ dengan $m$ dalam kg dan $h$ dalam meter, benar kan?",
        "Help with \\newcommand{\\norm}[1]{\\left\\lVert#1\\right\\rVert} used as $\\norm{x}_2 \\leq \\epsilon$",
        "Bayes: $P(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)}$, with $P(B) = \\sum_i P(B \\mid A_i) P(A_i)$.",
        "Beamer error: ! Missing $ inserted. <inserted text> $ l.42 \\item The ratio is x_{max}/x_{min}",
    ],
    "markdown": [
        "Fix this table:\n| Obat | Dosis | Frekuensi |\n|---|---|---|\n| Amoxicillin | 500 mg | 3x1 |\n| Paracetamol | 500 mg | 3x1 k/p |",
        "Render check: **Bold** and _italic_ with a [link](https://example.com/docs?v=2) and `inline code`, then > a quote.",
        "My README:\n## Install\n```bash\nnpm i -D @acme/cli@^2.3.0\n```\n- [x] build\n- [ ] deploy to `staging`",
        "Comparison:\n| Plan | Price | Storage |\n|:-----|------:|:-------:|\n| Basic | $4/mo | 50 GB |\n| Pro | $12/mo | 1 TB |",
        "Changelog: ### [2.4.1] - 2025-01-12 #### Fixed - Crash on empty cart (#412) - Wrong VAT for `IDR` (#415)",
        "Catatan rapat: **Agenda** 1. Evaluasi Q4 2. Target Q1 — _lihat_ [dokumen](https://intra.example/q1) ~~draft lama~~",
        "Footnotes[^1] and images ![logo](./img/logo.svg \"Logo\") in a list:\n1. first\n2. second\n[^1]: See RFC 9110.",
        "Jadwal:\n| Hari | Poli | Dokter |\n|---|---|---|\n| Senin | Anak | dr. Sari, Sp.A |\n| Rabu | Gigi | drg. Tono |",
    ],
    "chemistry_drug": [
        "Interaction check: atorvastatin 20 mg with clarithromycin, plus levothyroxine and esomeprazole in the morning?",
        "What is (2S,5R,6R)-3,3-dimethyl-7-oxo-6-(2-phenylacetamido)-4-thia-1-azabicyclo[3.2.0]heptane-2-carboxylic acid?",
        "Resep: Metformin HCl 500 mg 2x1, Glimepiride 2 mg 1x1, Candesartan cilexetil 8 mg 1x1, Simvastatin 10 mg 0-0-1.",
        "Balance this: KMnO4 + HCl -> KCl + MnCl2 + Cl2 + H2O, and what is the oxidation state of Mn in MnO4^-?",
        "Difference between trastuzumab, pertuzumab and ado-trastuzumab emtansine (T-DM1) for HER2+ breast cancer?",
        "Is C6H12O6 + 6O2 → 6CO2 + 6H2O exothermic? And NaHCO3 + CH3COOH → CH3COONa + H2O + CO2?",
        "SMILES question: CC(=O)Oc1ccccc1C(=O)O is aspirin and CN1C=NC2=C1C(=O)N(C(=O)N2C)C is caffeine, right?",
        "Pasien minum ciprofloxacin, omeprazole, dan N-acetylcysteine; amankah ditambah ondansetron?",
    ],
    "citation": [
        "Cite properly: Zou, A., Wang, Z., Kolter, J. Z., & Fredrikson, M. (2023). Universal and Transferable Adversarial Attacks on Aligned Language Models. arXiv:2307.15043.",
        "BibTeX: @article{vaswani2017, title={Attention Is All You Need}, author={Vaswani, Ashish and others}, journal={NeurIPS}, volume={30}, year={2017}}",
        "Reference: Smith J, et al. Effect of metformin on HbA1c. N Engl J Med. 2019;381(4):345-356. doi:10.1056/NEJMoa1900001. PMID: 31339999.",
        "Daftar pustaka: Kementerian Kesehatan RI. (2023). Profil Kesehatan Indonesia 2022. Jakarta: Kemenkes RI. ISBN 978-623-301-XXX-X.",
        "Check: He K, Zhang X, Ren S, Sun J. Deep residual learning for image recognition. Proc. IEEE CVPR; 2016. p. 770–8.",
        "Vancouver style? [1] WHO. Global tuberculosis report 2023. Geneva: World Health Organization; 2023. Licence: CC BY-NC-SA 3.0 IGO.",
        "Legal cite: Brown v. Board of Education, 347 U.S. 483 (1954); see also 42 U.S.C. § 2000e-2(a)(1).",
        "Quote source: (Goodfellow et al., 2015, p. 3; cf. Szegedy et al., 2014) — arXiv:1412.6572v3 [stat.ML].",
    ],
    "product_code": [
        "Do you stock part no. 6ES7 214-1AG40-0XB0, SKU LNV-TP-X1C-G11-i7/32/1TB and EAN 8996001600269?",
        "Compare ThinkPad X1 Carbon Gen 11 (21HM-004GID) vs XPS 13 9340 (XPS9340-U7-16-512-W11P).",
        "Bearing codes: 6204-2RS C3, NSK 6305ZZCM, SKF 22210 E/C3 — which fits a Honda GX160?",
        "Nomor seri: SN# C02ZK1XHMD6M, IMEI 356938035643809, model A2633 (iPhone 13, 128GB, Midnight).",
        "Invoice lines: ITM-00421 x2 @ Rp125.000; ITM-00977/B x1 @ Rp89.500; PPN 11% = Rp37.345.",
        "Samsung fridge RT38K5032S8/SE error code 22E and 5E, reset how?",
        "Ordered filters HF-2045, HF-2045A and HFA-2045-XL; which replaces OEM 17220-5R0-008?",
        "Tire size 205/55 R16 91V vs 215/60 R16 95H on a 2019 Civic (FC1) — speedometer difference?",
    ],
    "german_prose": [
        "Wie sieht die aktuelle Lage auf dem deutschen Wohnungsmarkt aus und welche Stadtteile sind für Familien geeignet?",
        "Sehr geehrte Damen und Herren, hiermit kündige ich meinen Vertrag Nr. 4711-0815 fristgerecht zum 31.03.2025.",
        "Donaudampfschifffahrtsgesellschaftskapitän ist ein Beispiel für zusammengesetzte Substantive im Deutschen, oder?",
        "Können Sie mir erklären, wie die Grundsteuerreform Eigentümer in Nordrhein-Westfalen betrifft?",
        "Die Krankenkassenbeitragsbemessungsgrenze steigt 2025; was bedeutet das für gesetzlich Versicherte mit Nebeneinkünften?",
        "Ich hätte gern ein Rezept für Königsberger Klopse mit Kapernsoße und Salzkartoffeln, bitte ausführlich.",
        "Übersetze bitte: Arbeitsunfähigkeitsbescheinigung, Rechtsschutzversicherung und Überweisungsschein.",
        "Warum heißt es „der Joghurt“ oder „das Joghurt“? Beides ist laut Duden zulässig, stimmt das?",
    ],
    "indonesian_prose": [
        "Pasien dengan keluhan batuk sudah dua minggu, demam ringan di malam hari, dan nafsu makan menurun. Mohon saran pemeriksaan lanjutan.",
        "Bagaimana prosedur pengajuan klaim BPJS Ketenagakerjaan untuk Jaminan Hari Tua jika perusahaan sudah tutup?",
        "Sehubungan dengan perubahan jadwal, rapat koordinasi dipindahkan ke Kamis pukul 13.00 WIB di Ruang Garuda lantai 3.",
        "Tolong jelaskan perbedaan antara PPh Pasal 21, PPh Pasal 23, dan PPh Final UMKM 0,5 persen.",
        "Mengingat ketentuan Permenkes No. 24 Tahun 2022 tentang Rekam Medis, fasilitas kesehatan wajib beralih ke rekam medis elektronik.",
        "Anak saya umur 3 tahun susah makan sayur, ada ide menu yang disukai balita dan bergizi?",
        "Kecamatan Cibeunying Kaler, Kelurahan Sukaluyu, RT 04/RW 07, Kota Bandung — apakah masuk zona banjir?",
        "Saya ingin memperpanjang STNK secara daring lewat aplikasi SIGNAL; apa saja syarat dan biayanya?",
    ],
    "sms_slang": [
        "otw bro, jgn lupa bwa charger y, ntr gw tf dluan 50rb buat bensin wkwkwk",
        "lol ngl that was lowkey fire fr fr, u coming 2nite? brb gotta grab smth, ttyl",
        "gan, brg udh smp blm? resi JNE blm update dr kmrn, mkcih yaa 🙏",
        "omg idk wut 2 do, bf ghosted me smh... tbh im so done rn",
        "bsk ksh tau ya kl jd ke rmh, gw di kntr smp jam 5an, cmiiw jd meetingnya jam brp?",
        "k thx, c u @ 7 @ d usual plc, dnt b l8 again!!! xoxo",
        "mksh kak, sdh sy trf ke rek BCA a.n. Sari, mhn dicek y, sy tgg konfirmasinya",
        "wkwk anjir gabut bgt, mabar ga? gas lah rank push mlm ini, jgn afk y",
    ],
    "emoji": [
        "Happy birthday!!! 🎉🎂🥳🎈🎁💖✨🎊🍰🥂 have the best day ever 😘😘😘",
        "Caption ideas for my trip 🌴☀️🌊🏄‍♂️🍹📸 #bali #holiday #sunsetlover",
        "Selamat Hari Raya Idul Fitri 🌙✨🕌🤲 mohon maaf lahir dan batin 🙏🙏🙏 ketupat 🍚🍗",
        "What do these mean: 🫠 🙃 💀 😭🔥 🤌 👀 🧢 in Gen Z texting?",
        "Team update ✅ deploy done 🚀 tests 🟢 coverage 📈 87% → 91% 🎯 next: perf 🐢➡️🐇",
        "Menu hari ini: 🍜 bakso 15k | 🍛 nasi padang 25k | 🧋 es teh 5k | 🍌 pisang goreng 10k",
        "I ❤️ NY 🗽🍎🚕🌃 and 🇮🇩 Jakarta 🏙️🛵🌧️ equally lol",
        "Reactions so far: 👍×12 😂×7 😮×3 😢×1 🙏×9 — can you summarise the mood?",
    ],
}


def main():
    n = 0
    for kind, texts in TEXTS.items():
        for i, text in enumerate(texts):
            n += 1
            if kind == "indonesian_prose" or (kind == "sms_slang" and (i % 2 == 0 or i == 7)):
                lang = "id"
            else:
                lang = "de" if kind == "german_prose" else "en"
            row = {
                "id": "hn-%03d" % n,
                "text": text,
                "labels": [],
                "lang": lang,
                "kind": kind,
                "group": "hn-%s-%d" % (kind, i),
                "split": "test" if i % 3 == 1 else "train",
            }
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
