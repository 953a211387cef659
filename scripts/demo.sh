#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, then runs TĐKT for
# real on demo data (assets/demo): a tdkt-server on 127.0.0.1 with TLS, the units
# and users of a province → commune tree, every unit entering its own data on its
# own offline replica (tdkt-cli) and syncing, two communes and the province office
# syncing, a same-field concurrent edit kept as a conflict with both values and
# resolved, and a final check that every replica equals what the server lets its
# user read. Everything goes to out/demo/ (wiped on each run, except the TLS
# certificate in out/demo/tls/, made with openssl on first run).
#
# Then the window: on a display ($DISPLAY or $WAYLAND_DISPLAY) tdkt opens on the
# officer's replica (xa-binh-lu.db) connected to the running server, and closing it
# ends the demo; with none, scripts/demo_screens.sh writes a screenshot of each main
# screen into out/demo/screens/ (skipped, saying so, without xvfb-run).
# For tests: TDKT_DEMO_BUILD=DIR uses that build as is (no setup, no build),
# TDKT_DEMO_OUT=DIR writes there instead of out/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${TDKT_DEMO_BUILD:-build}
if [ -z "${TDKT_DEMO_BUILD:-}" ]; then
  scripts/setup-deps.sh
  scripts/build.sh
fi
SECONDS=0

cli=$build/client/tdkt-cli
srv=$build/server/tdkt-server
demo=${TDKT_DEMO_OUT:-out/demo}
tls=$demo/tls
data=$demo/server
seed=$demo/seed
export TDKT_PASSWORD="demo-tdkt-2025" # every demo user's password (user add and login read it)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

# Idempotent: a fresh world on every run; the certificate is kept when still valid.
mkdir -p "$demo"
find "$demo" -mindepth 1 -maxdepth 1 ! -name tls -exec rm -rf {} +
mkdir -p "$tls" "$seed"

say "Chứng chỉ TLS tự ký cho máy chủ (localhost, 127.0.0.1): $tls/cert.pem"
if [ -s "$tls/cert.pem" ] && [ -s "$tls/key.pem" ] && openssl x509 -in "$tls/cert.pem" -noout -checkend 86400 >/dev/null 2>&1; then
  echo "đã có, dùng lại"
else
  openssl req -x509 -utf8 -newkey rsa:2048 -nodes -keyout "$tls/key.pem" -out "$tls/cert.pem" -days 365 \
    -subj "/CN=localhost/O=TĐKT demo" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
  chmod 600 "$tls/key.pem"
  openssl x509 -in "$tls/cert.pem" -noout -subject -enddate
fi

say "Máy chủ: nhập cây đơn vị (tdkt-server unit import assets/demo/units.csv)"
$srv --data "$data" unit import assets/demo/units.csv | tr '\n' ' '
echo

say "Máy chủ: tạo người dùng và vai trò (tdkt-server user add NAME --role ROLE --unit UNIT_ID)"
while IFS=, read -r name role unit who; do
  [ "$name" = name ] && continue
  $srv --data "$data" user add "$name" --role "$role" --unit "$unit" >/dev/null
  printf '  %-13s %-9s %-22s %s\n' "$name" "$role" "$unit" "$who"
done <assets/demo/users.csv

say "Khởi động tdkt-server (TLS, cổng tự chọn trên 127.0.0.1)"
$srv --data "$data" serve --listen 127.0.0.1:0 --cert "$tls/cert.pem" --key "$tls/key.pem" \
  >"$demo/server.out" 2>"$demo/server.log" &
srv_pid=$!
stop_server() {
  if kill -0 "$srv_pid" 2>/dev/null; then
    printf '\n== Dừng máy chủ (SIGTERM)\n'
    kill -TERM "$srv_pid" 2>/dev/null || true
    local rc=0
    wait "$srv_pid" 2>/dev/null || rc=$?
    echo "tdkt-server đã dừng (mã thoát $rc)"
  fi
}
trap stop_server EXIT
for _ in $(seq 200); do
  grep -q '^listening ' "$demo/server.out" 2>/dev/null && break
  kill -0 "$srv_pid" 2>/dev/null || die "tdkt-server did not start: $(cat "$demo/server.log")"
  sleep 0.05
done
grep -q '^listening ' "$demo/server.out" || die "tdkt-server did not say where it listens"
addr=$(sed -n 's/^listening //p' "$demo/server.out")
port=${addr##*:}
echo "tdkt-server đang chạy: $addr (pid $srv_pid, nhật ký $demo/server.log)"

sync_show() { # FILE
  printf '  %-22s sync %s\n' "$1" "$($cli --db "$demo/$1" sync)"
}
# One replica per person: init, login with the demo certificate, and a first sync
# that pulls the units, the reference data and everything else this user may read.
declare -A user_of
replica() { # FILE USER SITE_NAME
  user_of[$1]=$2
  $cli --db "$demo/$1" init --site-name "$3" >/dev/null
  printf '  %-22s login %s\n' "$1" \
    "$($cli --db "$demo/$1" login --server "localhost:$port" --user "$2" --ca-file "$tls/cert.pem")"
  sync_show "$1"
}
# Rows of assets/demo/NAME.jsonl whose unit_id is UNIT, into the seed folder; prints the file name or nothing.
rows_of() { # NAME UNIT
  local out=$seed/$2.$1.jsonl
  grep -F "\"unit_id\": \"$2\"" "assets/demo/$1.jsonl" >"$out" || true
  [ -s "$out" ] && echo "$out"
}
# FILE[:TABLE] in this order: dossiers are drafted, their items attached, then submitted
# (the server's rules engine refuses a submission while a required item is missing).
unit_files=(people evaluations initiatives award_history movements movement_targets movement_results
            dossiers dossier_items dossier_submissions:dossiers)
inspection_tables=(inspection_plans inspection_targets checklist_items findings recommendations)
import_unit() { # FILE UNIT: the unit's own records, as its officer enters them
  local n=0 f
  for entry in "${unit_files[@]}"; do
    f=$(rows_of "${entry%%:*}" "$2") || continue
    $cli --db "$demo/$1" import "${entry##*:}" "$f" >/dev/null
    n=$((n + $(wc -l <"$f")))
  done
  printf '  %-22s nhập %d bản ghi của %s\n' "$1" "$n" "$2"
}

say "Quản trị (admin) nạp dữ liệu tham chiếu trên bản sao của mình rồi đồng bộ lên máy chủ"
replica quantri.db quantri "Quản trị - Sở Nội vụ"
printf '  %-22s reference load %s\n' quantri.db "$($cli --db "$demo/quantri.db" reference load assets/reference)"
sync_show quantri.db

say "Tỉnh (Sở Nội vụ, reviewer) phát động các phong trào thi đua của tỉnh và đồng bộ"
replica tinh-duyet.db snv.duyet "Sở Nội vụ - thẩm định"
import_unit tinh-duyet.db u-lai-chau
sync_show tinh-duyet.db

say "Mỗi đơn vị nhập dữ liệu của mình trên bản sao ngoại tuyến, rồi đồng bộ (pushed/pulled = số thay đổi gửi/nhận)"
replica xa-binh-lu.db binhlu.hoa "Xã Bình Lư - máy 1"
replica xa-khong-lao.db khonglao.thu "Xã Khổng Lào"
replica thcs-binh-lu.db thcs.binhlu "Trường THCS Bình Lư"
replica phuong-tan-phong.db tanphong.lan "Phường Tân Phong"
replica doan-kiem-tra.db snv.kiemtra "Đoàn kiểm tra Sở Nội vụ"
import_unit xa-binh-lu.db u-xa-binh-lu
import_unit xa-khong-lao.db u-xa-khong-lao
import_unit thcs-binh-lu.db u-truong-thcs-binh-lu
import_unit phuong-tan-phong.db u-phuong-tan-phong
n=0
for table in "${inspection_tables[@]}"; do
  $cli --db "$demo/doan-kiem-tra.db" import "$table" "assets/demo/$table.jsonl" >/dev/null
  n=$((n + $(wc -l <"assets/demo/$table.jsonl")))
  # The plan's team: only its members write its checklists, findings and recommendations.
  if [ "$table" = inspection_plans ]; then
    $cli --db "$demo/doan-kiem-tra.db" inspection team kh-kt-2025 snv.kiemtra truong_doan >/dev/null
    n=$((n + 1))
  fi
done
printf '  %-22s nhập %d bản ghi: kế hoạch kiểm tra, thành viên đoàn, đơn vị được kiểm tra, nội dung, phát hiện, kiến nghị\n' doan-kiem-tra.db "$n"
for r in xa-binh-lu.db xa-khong-lao.db thcs-binh-lu.db phuong-tan-phong.db doan-kiem-tra.db; do
  sync_show "$r"
done

say "Sở Nội vụ (reviewer) thẩm định hồ sơ: tiếp nhận, hội đồng, quyết định, trả lại (assets/demo/dossier_reviews.jsonl)"
sync_show tinh-duyet.db
$cli --db "$demo/tinh-duyet.db" import dossiers assets/demo/dossier_reviews.jsonl >/dev/null
sync_show tinh-duyet.db

say "Chỉ cấp có thẩm quyền quyết định (authority.deciders): Sở Nội vụ phê duyệt LĐTT của trường bị từ chối, xã Bình Lư quyết định"
$cli --db "$demo/tinh-duyet.db" put dossiers '{"id":"hs-xuan-ldtt-2025","status":"approved"}' >/dev/null
sync_show tinh-duyet.db
$cli --db "$demo/tinh-duyet.db" rejected
replica xa-binh-lu-duyet.db binhlu.duyet "Xã Bình Lư - thẩm định"
$cli --db "$demo/xa-binh-lu-duyet.db" import dossiers assets/demo/dossier_reviews_xa.jsonl >/dev/null
sync_show xa-binh-lu-duyet.db
printf '  hs-xuan-ldtt-2025 sau khi xã quyết định: %s\n' \
  "$($cli --db "$demo/xa-binh-lu-duyet.db" get dossiers hs-xuan-ldtt-2025 | grep -o '"status": *"[^"]*"')"

say "Hai xã đồng bộ: mỗi bản sao chỉ nhận đúng dữ liệu mình được đọc (pulled = số thay đổi nhận về)"
replica xa-binh-lu-2.db binhlu.tuan "Xã Bình Lư - máy 2"
for r in xa-binh-lu.db xa-binh-lu-2.db xa-khong-lao.db; do sync_show "$r"; done
names() { $cli --db "$demo/$1" list dossiers | grep -o '"nominee_name": *"[^"]*"' | sed 's/.*: *"//; s/"$//' | paste -sd ';' | sed 's/;/; /g'; }
for r in xa-binh-lu.db xa-khong-lao.db tinh-duyet.db; do
  printf '  %-22s hồ sơ: %s\n' "$r" "$(names "$r")"
done

say "Kiểm tra hồ sơ theo quy định (tdkt-cli check dossiers hs-dinh-bk-2025, trên bản sao xã Bình Lư)"
$cli --db "$demo/xa-binh-lu.db" check dossiers hs-dinh-bk-2025

say "Hai cán bộ xã Bình Lư cùng sửa một trường khi ngoại tuyến (dossiers.hs-dinh-bk-2025.summary)"
$cli --db "$demo/xa-binh-lu.db" put dossiers \
  '{"id":"hs-dinh-bk-2025","summary":"Hai năm liên tục đạt CSTĐ cơ sở (2023, 2024); xã đạt 17/19 tiêu chí nông thôn mới."}' >/dev/null
$cli --db "$demo/xa-binh-lu-2.db" put dossiers \
  '{"id":"hs-dinh-bk-2025","summary":"Chiến sĩ thi đua cơ sở năm 2023 và 2024; trực tiếp chỉ đạo xây dựng nông thôn mới (17/19 tiêu chí)."}' >/dev/null
echo "  máy 1 và máy 2 đều sửa tóm tắt thành tích, chưa đồng bộ"
sync_show xa-binh-lu.db
sync_show xa-binh-lu-2.db

say "Xung đột được giữ lại với cả hai giá trị (tdkt-cli conflicts)"
conflicts=$($cli --db "$demo/xa-binh-lu-2.db" conflicts)
echo "$conflicts"
conflict_id=$(printf '%s' "$conflicts" | grep -o '"id": *"[^"]*"' | head -n1 | sed 's/.*: *"//; s/"$//')
[ -n "$conflict_id" ] || die "expected a conflict, got: $conflicts"

say "Quyền được kiểm tra trên máy chủ: xã tự phê duyệt hồ sơ của mình bị từ chối (tdkt-cli rejected)"
$cli --db "$demo/xa-binh-lu.db" put dossiers '{"id":"hs-huong-cstd-2025","status":"approved"}' >/dev/null
sync_show xa-binh-lu.db
$cli --db "$demo/xa-binh-lu.db" rejected
grep 'refused ' "$demo/server.log" | sed 's/^/  nhật ký máy chủ: /'
for d in hs-huong-cstd-2025; do
  printf '  %s trên máy 1 sau khi bị từ chối: %s\n' "$d" \
    "$($cli --db "$demo/xa-binh-lu.db" get dossiers "$d" | grep -o '"status": *"[^"]*"')"
done

say "Giải quyết xung đột: máy 2 chọn giữ giá trị thua (tdkt-cli resolve $conflict_id --keep loser)"
$cli --db "$demo/xa-binh-lu-2.db" resolve "$conflict_id" --keep loser
sync_show xa-binh-lu-2.db
sync_show xa-binh-lu.db
printf '  xung đột còn mở trên máy 1: %s\n' "$($cli --db "$demo/xa-binh-lu.db" conflicts)"

say "Đồng bộ lần cuối (hai lượt) và so sánh: tdkt-cli dump của mỗi bản sao = tdkt-server dump --as người dùng"
all=(quantri.db xa-binh-lu.db xa-binh-lu-2.db xa-khong-lao.db thcs-binh-lu.db phuong-tan-phong.db tinh-duyet.db
     xa-binh-lu-duyet.db doan-kiem-tra.db)
for _ in 1 2; do
  for r in "${all[@]}"; do $cli --db "$demo/$r" sync >/dev/null; done
done
same=0
for r in "${all[@]}"; do
  u=${user_of[$r]}
  $cli --db "$demo/$r" dump >"$demo/${r%.db}.dump.json"
  $srv --data "$data" dump --as "$u" >"$demo/${r%.db}.server.json"
  if cmp -s "$demo/${r%.db}.dump.json" "$demo/${r%.db}.server.json"; then
    printf '  %-22s %-13s giống nhau (%s byte)\n' "$r" "$u" "$(wc -c <"$demo/${r%.db}.dump.json")"
    same=$((same + 1))
  else
    printf '  %-22s %-13s KHÁC NHAU: diff %s %s\n' "$r" "$u" "$demo/${r%.db}.dump.json" "$demo/${r%.db}.server.json"
  fi
done
[ "$same" -eq "${#all[@]}" ] || die "some replicas differ from the server"

# The window (issue 17): on a display, tdkt on the officer's replica connected to the
# running server (closing it ends the demo: the trap stops the server); with none, a
# screenshot of each main screen (scripts/demo_screens.sh holds their list).
gui=$build/client/tdkt
if [ ! -x "$gui" ]; then
  say "Không có $gui: bỏ qua cửa sổ tdkt"
elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  say "Mở tdkt trên bản sao của cán bộ xã Bình Lư ($demo/xa-binh-lu.db, máy chủ localhost:$port); đóng cửa sổ để kết thúc demo"
  "$gui" --db "$demo/xa-binh-lu.db" --server "localhost:$port" --ca "$tls/cert.pem" ||
    echo "  tdkt đã thoát với mã $?"
else
  say "Không có màn hình: chụp các màn hình chính của tdkt (xvfb-run) vào $demo/screens/"
  scripts/demo_screens.sh "$gui" "$demo" --server "localhost:$port" --ca "$tls/cert.pem" ||
    die "tdkt could not draw its screens"
fi

say "Xong sau $SECONDS giây. Dữ liệu trong $demo/. Thử tiếp: $cli --db $demo/xa-binh-lu.db history dossiers hs-dinh-bk-2025"
