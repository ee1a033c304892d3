"use strict";
// The projector page (RULES.md §9): polls /api/board and redraws. Every name goes in as text
// (textContent), never as HTML, so a name such as <img src=x onerror=...> shows as typed.
(function () {
  const every = 1000;
  const $ = (id) => document.getElementById(id);

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    row.appendChild(td);
  }

  function header(levels) {
    const head = $("head");
    while (head.children.length > 5) head.removeChild(head.lastChild);
    levels.forEach((id, i) => {
      const th = document.createElement("th");
      th.className = "num";
      th.textContent = "L" + (i + 1);
      th.title = id;
      head.appendChild(th);
    });
  }

  function draw(board) {
    const levels = [];
    board.players.forEach((p) => Object.keys(p.levels).forEach((id) => { if (!levels.includes(id)) levels.push(id); }));
    if (Array.isArray(board.levels)) levels.splice(0, levels.length, ...board.levels);
    header(levels);
    const rows = document.createDocumentFragment();
    board.players.forEach((p) => {
      const tr = document.createElement("tr");
      if (p.rank === 1) tr.className = "first";
      cell(tr, String(p.rank), "num");
      cell(tr, p.player, "player");
      cell(tr, String(p.score), "num");
      cell(tr, "★".repeat(Math.min(p.stars, 3)) + (p.stars > 3 ? " " + p.stars : ""), "num");
      cell(tr, String(p.bounces), "num");
      levels.forEach((id) => cell(tr, id in p.levels ? String(p.levels[id]) : "–", "num"));
      rows.appendChild(tr);
    });
    $("rows").replaceChildren(rows);
    $("empty").hidden = board.players.length > 0;
    if (board.title) { $("title").textContent = board.title; document.title = board.title + " — room"; }
    const round = board.round || {};
    const state = $("state");
    state.className = round.closed ? "closed" : round.frozen ? "frozen" : "";
    state.textContent = (round.number ? "Round " + round.number + " · " : "")
      + (round.closed ? "closed — no more runs" : round.closesAt ? "open until " + new Date(round.closesAt).toLocaleTimeString() : "open")
      + (round.frozen ? " · board frozen" : "");
    $("updated").textContent = "updated " + new Date().toLocaleTimeString();
  }

  async function poll() {
    try {
      const answer = await fetch("/api/board", { cache: "no-store" });
      if (answer.ok) draw(await answer.json());
      else $("updated").textContent = "the room answered " + answer.status + "; trying again";
    } catch (e) {
      $("updated").textContent = "cannot reach the room; trying again";
    }
    setTimeout(poll, every);
  }

  poll();
})();
