#!/usr/bin/env python3
"""Deterministic mock LLM server for driving a real OpenClaw install offline.

Stdlib only. Listens on 127.0.0.1 (never any other address) on a random free
port (or --port). Implements:

  POST <prefix>/chat/completions   OpenAI Chat Completions (stream + non-stream)
  POST <prefix>/v1/messages        Anthropic Messages (stream + non-stream)
  GET  <prefix>/models, <prefix>/v1/models   tiny model list
  POST /__mock/plan                queue overrides for the next responses
  GET  /__mock/health              liveness

<prefix> is any path prefix (e.g. /moonshot/v1, /zai/v1, /anthropic); the first
path segment is recorded as the "provider_path" so each configured provider can
get its own base URL on the same server.

Behaviour of a response is chosen, in order, by
  1. the plan (POST /__mock/plan): {"modes": [...]} queues modes for the next
     responses, {"sticky": mode} applies a mode to every response until
     {"clear": true}. Modes: error500, error429, cut, slow:N, tool, cost, normal.
  2. a request that continues a turn after a tool result -> normal final answer
     ("after-tool"); an OpenClaw compaction prompt -> a summary with the section
     headings OpenClaw asks for ("summary").
  3. a marker in the newest real user prompt (the last user text that is not
     OpenClaw's <<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>> block; failed prompts stay
     in the history, so only the newest one counts):
       [[FAIL500]]  -> HTTP 500 JSON error
       [[FAIL429]]  -> HTTP 429 JSON error (retry-after: 1)
       [[CUT]]      -> stream starts, sends two deltas, then the connection is
                       closed without finish_reason / usage / [DONE]
       [[SLOW:n]]   -> stream sends one delta, then waits n seconds before
                       finishing normally (lets the client abort)
       [[TOOL]]     -> answer with a tool call (see pick_tool); the follow-up
                       request carrying the tool result gets a normal answer
       [[COST]]     -> OpenAI usage additionally carries a provider-billed
                       "cost" number
       [[USAGEOF:n]] (realclient-lifecycle addition) -> the usage numbers are
                       those of seq n instead of this response's own seq (the
                       response id still encodes the real seq); used to make
                       two distinct calls with identical usage
  4. otherwise a normal short deterministic answer.
Requests that are not model calls are logged to --other-log, never to ground truth.

Every response (including failures) appends one JSON line to the ground-truth
log (--log). Usage numbers are derived from a global response counter `seq`
(1-based) that is also encoded in the response id (chatcmpl-mock-NNNN,
msg_mock_NNNN), so each recorded message maps to exactly one log line.

Usage formulas (raw wire values):
  OpenAI:    prompt_tokens      = 1000 + 37*seq + cached + cache_write
             (i.e. prompt_tokens INCLUDES cached/cache-write tokens, as OpenAI does)
             cached_tokens      = 0 if seq % 3 == 1 else 128 * (seq % 3)
             cache_write_tokens = 64 if seq % 5 == 0 else 0   (prompt_tokens_details)
             completion_tokens  = 10 + 3*seq + 2*(seq % 4)
  Anthropic: input_tokens                = 300 + 11*seq   (EXCLUDES cache)
             cache_read_input_tokens     = 0 if seq % 3 == 1 else 1000 + 50*seq
             cache_creation_input_tokens = 400 + seq if seq % 3 == 1 else (32 if seq % 2 == 0 else 0)
             output_tokens               = 12 + 2*seq
The log records both the raw wire fields and the "normalized" values
(input excluding cache, output, cache_read, cache_write, total).
"""

import argparse
import json
import os
import re
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {"seq": 0, "plan": []}
ARGS = None


def clock_offset_seconds():
    """Offset shared with libfaketime through --faketime-file ("+0", "-1d", "-2h", ...)."""
    if not ARGS or not ARGS.faketime_file:
        return 0
    try:
        with open(ARGS.faketime_file, encoding="utf-8") as fh:
            m = re.match(r"^\s*([+-]?\d+(?:\.\d+)?)\s*([smhdy]?)\s*$", fh.read())
    except OSError:
        return 0
    if not m:
        return 0
    mult = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "y": 31536000}[m.group(2)]
    return float(m.group(1)) * mult


def now_ts():
    return time.time() + clock_offset_seconds()


def utc_now():
    return datetime.fromtimestamp(now_ts(), timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def next_seq():
    with LOCK:
        STATE["seq"] += 1
        return STATE["seq"]


def dump_request(seq, path, body):
    if not ARGS.dump_dir:
        return
    os.makedirs(ARGS.dump_dir, exist_ok=True)
    with open(os.path.join(ARGS.dump_dir, "%04d.json" % seq), "w", encoding="utf-8") as fh:
        json.dump({"path": path, "body": body}, fh, indent=1)


def pop_plan():
    with LOCK:
        if STATE["plan"]:
            return STATE["plan"].pop(0)
        return STATE.get("sticky")


def log_line(obj):
    line = json.dumps(obj, sort_keys=True)
    with LOCK:
        with open(ARGS.log, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def log_other(handler, method):
    """Requests that are not model calls (model lists, ClawHub lookups redirected
    here via OPENCLAW_CLAWHUB_URL, ...) go to a separate log, never to ground truth."""
    rec = {"ts": utc_now(), "method": method, "path": handler.path,
           "user_agent": handler.headers.get("user-agent")}
    with LOCK:
        with open(ARGS.other_log or (ARGS.log + ".other.jsonl"), "a", encoding="utf-8") as fh:
            fh.write(json.dumps(rec, sort_keys=True) + "\n")


def openai_usage(seq, with_cost=False):
    cached = 0 if seq % 3 == 1 else 128 * (seq % 3)
    cache_write = 64 if seq % 5 == 0 else 0
    base = 1000 + 37 * seq
    prompt = base + cached + cache_write
    completion = 10 + 3 * seq + 2 * (seq % 4)
    wire = {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": cached},
    }
    if cache_write:
        wire["prompt_tokens_details"]["cache_write_tokens"] = cache_write
    if with_cost:
        wire["cost"] = round(0.000123 * seq, 6)
    norm = {
        "input": base,
        "output": completion,
        "cache_read": cached,
        "cache_write": cache_write,
        "total": base + completion + cached + cache_write,
    }
    return wire, norm


def anthropic_usage(seq):
    inp = 300 + 11 * seq
    cache_read = 0 if seq % 3 == 1 else 1000 + 50 * seq
    if seq % 3 == 1:
        cache_write = 400 + seq
    else:
        cache_write = 32 if seq % 2 == 0 else 0
    out = 12 + 2 * seq
    wire = {
        "input_tokens": inp,
        "output_tokens": out,
        "cache_read_input_tokens": cache_read,
        "cache_creation_input_tokens": cache_write,
    }
    norm = {
        "input": inp,
        "output": out,
        "cache_read": cache_read,
        "cache_write": cache_write,
        "total": inp + out + cache_read + cache_write,
    }
    return wire, norm


def text_of(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for p in content:
            if isinstance(p, dict):
                if isinstance(p.get("text"), str):
                    parts.append(p["text"])
                elif p.get("type") == "tool_result":
                    parts.append(text_of(p.get("content")))
        return "\n".join(parts)
    return ""


INTERNAL_MARK = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>"


def last_real_user_text(contents):
    """Text of the last user text part that is not OpenClaw's internal-context
    block. Failed turns stay in history (merged into one user message), so only
    the newest prompt may decide the behaviour."""
    parts = []
    for content in contents:
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            for p in content:
                if isinstance(p, dict) and isinstance(p.get("text"), str):
                    parts.append(p["text"])
    for text in reversed(parts):
        if INTERNAL_MARK not in text:
            return text
    return ""


def summarize_openai(body):
    """Summarize a Chat Completions request.

    OpenClaw sends the user's prompt followed by an extra user message holding
    internal runtime context, so the "current turn" is every message after the
    last assistant message. `turn_text` joins the user texts of that tail;
    `tool_phase` is true when the tail contains a tool result (i.e. this request
    continues a turn after a tool call)."""
    msgs = body.get("messages") or []
    last = msgs[-1] if msgs else {}
    last_asst = -1
    for i, m in enumerate(msgs):
        if m.get("role") == "assistant":
            last_asst = i
    tail = msgs[last_asst + 1:]
    turn_text = last_real_user_text(m.get("content") for m in tail if m.get("role") == "user")
    tool_phase = any(m.get("role") == "tool" for m in tail)
    tools = [t.get("function", {}).get("name") for t in (body.get("tools") or []) if isinstance(t, dict)]
    return {
        "n_messages": len(msgs),
        "last_role": last.get("role"),
        "roles": [m.get("role") for m in msgs],
        "turn_text": turn_text,
        "tool_phase": tool_phase,
        "tools": tools,
    }


def summarize_anthropic(body):
    """Same as summarize_openai for the Messages API (tool results are user
    messages holding tool_result blocks)."""
    msgs = body.get("messages") or []
    last = msgs[-1] if msgs else {}

    def is_tool_result(m):
        return isinstance(m.get("content"), list) and any(
            isinstance(p, dict) and p.get("type") == "tool_result" for p in m["content"])

    last_asst = -1
    for i, m in enumerate(msgs):
        if m.get("role") == "assistant":
            last_asst = i
    tail = msgs[last_asst + 1:]
    turn_text = last_real_user_text(m.get("content") for m in tail
                                    if m.get("role") == "user" and not is_tool_result(m))
    tool_phase = any(is_tool_result(m) for m in tail)
    tools = [t.get("name") for t in (body.get("tools") or []) if isinstance(t, dict)]
    return {
        "n_messages": len(msgs),
        "last_role": "tool_result" if is_tool_result(last) else last.get("role"),
        "roles": [m.get("role") for m in msgs],
        "turn_text": turn_text,
        "tool_phase": tool_phase,
        "tools": tools,
    }


PREFERRED_TOOLS = [
    ("session_status", {}),
    ("read", {"path": "AGENTS.md"}),
    ("ls", {"path": "."}),
]


def pick_tool(tools):
    for name, args in PREFERRED_TOOLS:
        if name in tools:
            return name, args
    if tools:
        return tools[0], {}
    return None, None


def usage_seq(seq, summary):
    """[[USAGEOF:n]] in the newest real user prompt: reuse seq n's usage numbers."""
    m = re.search(r"\[\[USAGEOF:(\d+)\]\]", summary.get("turn_text") or "")
    return int(m.group(1)) if m else seq


def choose_mode(summary):
    planned = pop_plan()
    if planned:
        return planned
    if summary.get("tool_phase"):
        return "after-tool"
    lu = summary.get("turn_text") or ""
    if is_summary_request(lu):
        return "summary"  # compaction prompt: ignore markers quoted from the conversation
    if "[[FAIL500]]" in lu:
        return "error500"
    if "[[FAIL429]]" in lu:
        return "error429"
    if "[[CUT]]" in lu:
        return "cut"
    m = re.search(r"\[\[SLOW:(\d+)\]\]", lu)
    if m:
        return "slow:" + m.group(1)
    if "[[TOOL]]" in lu:
        return "tool"
    if "[[COST]]" in lu:
        return "cost"
    return "normal"


SUMMARY_MARK = "Produce a compact, factual summary"
PREFIX_SUMMARY_MARK = "Summarize the prefix to provide context"


def is_summary_request(turn_text):
    return "<conversation>" in turn_text and (SUMMARY_MARK in turn_text or PREFIX_SUMMARY_MARK in turn_text)


def answer_text(seq, summary, mode):
    if mode == "after-tool":
        return "Mock answer #%d: the tool result was received." % seq
    tt = summary.get("turn_text") or ""
    if is_summary_request(tt) and PREFIX_SUMMARY_MARK in tt:
        return ("## Original Request\nMock prefix summary #%d: a short test request.\n\n## Early Progress\n"
                "- The assistant acknowledged it.\n\n## Context for Suffix\n- Nothing else is needed." % seq)
    if is_summary_request(tt):
        # OpenClaw's compaction prompt asks for these exact section headings
        return ("## Decisions\nMock summary #%d: the user exchanged short test messages with the assistant.\n\n"
                "## Open TODOs\nNone.\n\n## Constraints/Rules\nNone.\n\n## Pending user asks\nNone.\n\n"
                "## Exact identifiers\nNone." % seq)
    return "Mock answer #%d: acknowledged." % seq


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mock-llm/1"

    def log_message(self, fmt, *args):  # quiet, go to stderr only if verbose
        if ARGS.verbose:
            sys.stderr.write("mock: " + (fmt % args) + "\n")

    # ---- helpers -------------------------------------------------------
    def _read_body(self):
        n = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw.decode("utf-8") or "{}")
        except Exception:
            return {}

    def _send_json(self, status, obj, extra_headers=None):
        data = json.dumps(obj).encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for k, v in (extra_headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _start_sse(self):
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("connection", "close")
        self.end_headers()
        self.close_connection = True

    def _sse(self, data, event=None):
        buf = ""
        if event:
            buf += "event: %s\n" % event
        buf += "data: %s\n\n" % (data if isinstance(data, str) else json.dumps(data))
        self.wfile.write(buf.encode("utf-8"))
        self.wfile.flush()

    def _provider_path(self):
        seg = [s for s in self.path.split("?")[0].split("/") if s]
        return seg[0] if seg else ""

    # ---- routes --------------------------------------------------------
    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__mock/health":
            return self._send_json(200, {"ok": True, "seq": STATE["seq"]})
        log_other(self, "GET")
        if path.endswith("/models"):
            return self._send_json(200, {"object": "list", "data": []})
        return self._send_json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        path = self.path.split("?")[0]
        if path == "/__mock/plan":
            body = self._read_body()
            with LOCK:
                if body.get("clear"):
                    STATE["plan"] = []
                    STATE["sticky"] = None
                STATE["plan"].extend(body.get("modes") or [])
                if "sticky" in body:
                    STATE["sticky"] = body.get("sticky") or None
                reply = {"ok": True, "plan": list(STATE["plan"]), "sticky": STATE.get("sticky"), "seq": STATE["seq"]}
            return self._send_json(200, reply)
        if path.endswith("/chat/completions"):
            return self._openai(path)
        if path.endswith("/messages"):
            return self._anthropic(path)
        self._read_body()
        log_other(self, "POST")
        return self._send_json(404, {"error": {"message": "not found"}})

    # ---- OpenAI chat completions -----------------------------------------
    def _openai(self, path):
        body = self._read_body()
        seq = next_seq()
        dump_request(seq, path, body)
        summary = summarize_openai(body)
        mode = choose_mode(summary)
        model = body.get("model")
        stream = bool(body.get("stream"))
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        useq = usage_seq(seq, summary)
        wire, norm = openai_usage(useq, with_cost=(mode == "cost"))
        rec = {
            "ts": utc_now(),
            "seq": seq,
            "usage_of_seq": useq,
            "api": "openai-completions",
            "provider_path": self._provider_path(),
            "path": path,
            "model": model,
            "stream": stream,
            "include_usage": include_usage,
            "mode": mode,
            "request": {k: summary[k] for k in ("n_messages", "last_role", "tool_phase")},
            "turn_text_head": first_line(summary.get("turn_text")),
            "tools_offered": len(summary.get("tools") or []),
        }
        if mode in ("error500", "error429"):
            status = 500 if mode == "error500" else 429
            rec.update({"status": status, "usage_sent": False})
            rec.update(zero_norm())
            log_line(rec)
            err = {"error": {"message": "mock %s failure #%d" % (status, seq),
                             "type": "server_error" if status == 500 else "rate_limit_error",
                             "code": status}}
            return self._send_json(status, err, {"retry-after": "1"} if status == 429 else None)

        cid = "chatcmpl-mock-%04d" % seq
        created = int(now_ts())
        tool_name, tool_args = (None, None)
        if mode == "tool":
            tool_name, tool_args = pick_tool(summary.get("tools") or [])
            if tool_name is None:
                mode = "normal"
                rec["mode"] = "tool-unavailable"
        text = answer_text(seq, summary, mode)

        if not stream:
            msg = {"role": "assistant", "content": text}
            finish = "stop"
            if tool_name:
                msg = {"role": "assistant", "content": None, "tool_calls": [{
                    "id": "call_mock_%04d" % seq, "type": "function",
                    "function": {"name": tool_name, "arguments": json.dumps(tool_args)}}]}
                finish = "tool_calls"
            resp = {"id": cid, "object": "chat.completion", "created": created, "model": model,
                    "choices": [{"index": 0, "message": msg, "finish_reason": finish}],
                    "usage": wire}
            rec.update({"status": 200, "usage_sent": True, "wire_usage": wire, "text": text if not tool_name else None,
                        "tool_call": tool_name})
            rec.update(norm)
            log_line(rec)
            return self._send_json(200, resp)

        self._start_sse()

        def chunk(delta, finish=None, usage=None, choices=True):
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model}
            obj["choices"] = [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else []
            if usage is not None:
                obj["usage"] = usage
            self._sse(obj)

        try:
            chunk({"role": "assistant", "content": ""})
            if mode == "cut":
                words = text.split(" ")
                chunk({"content": words[0] + " "})
                chunk({"content": words[1] + " "})
                rec.update({"status": 200, "usage_sent": False, "stream_cut": True, "text": None})
                rec.update(zero_norm())
                log_line(rec)
                # abrupt close: no finish_reason, no usage, no [DONE]
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            if mode.startswith("slow:"):
                chunk({"content": "Thinking slowly... "})
                secs = int(mode.split(":")[1])
                rec.update({"status": 200, "slow_seconds": secs})
                time.sleep(secs)
            if tool_name:
                chunk({"tool_calls": [{"index": 0, "id": "call_mock_%04d" % seq, "type": "function",
                                        "function": {"name": tool_name, "arguments": ""}}]})
                chunk({"tool_calls": [{"index": 0, "function": {"arguments": json.dumps(tool_args)}}]})
                chunk({}, finish="tool_calls")
            else:
                words = text.split(" ")
                for i, w in enumerate(words):
                    chunk({"content": w + (" " if i < len(words) - 1 else "")})
                chunk({}, finish="stop")
            if include_usage:
                chunk(None, usage=wire, choices=False)
            self._sse("[DONE]")
            rec.update({"status": 200, "usage_sent": include_usage, "wire_usage": wire if include_usage else None,
                        "text": None if tool_name else text, "tool_call": tool_name})
            if include_usage:
                rec.update(norm)
            else:
                rec.update(zero_norm())
            log_line(rec)
        except (BrokenPipeError, ConnectionResetError) as e:
            rec.update({"status": 200, "client_disconnected": True, "error": type(e).__name__,
                        "usage_sent": False})
            rec.update(zero_norm())
            log_line(rec)

    # ---- Anthropic messages ----------------------------------------------
    def _anthropic(self, path):
        body = self._read_body()
        seq = next_seq()
        dump_request(seq, path, body)
        summary = summarize_anthropic(body)
        mode = choose_mode(summary)
        model = body.get("model")
        stream = bool(body.get("stream"))
        useq = usage_seq(seq, summary)
        wire, norm = anthropic_usage(useq)
        rec = {
            "ts": utc_now(),
            "seq": seq,
            "usage_of_seq": useq,
            "api": "anthropic-messages",
            "provider_path": self._provider_path(),
            "path": path,
            "model": model,
            "stream": stream,
            "mode": mode,
            "request": {k: summary[k] for k in ("n_messages", "last_role", "tool_phase")},
            "turn_text_head": first_line(summary.get("turn_text")),
            "tools_offered": len(summary.get("tools") or []),
        }
        if mode in ("error500", "error429"):
            status = 500 if mode == "error500" else 429
            rec.update({"status": status, "usage_sent": False})
            rec.update(zero_norm())
            log_line(rec)
            etype = "api_error" if status == 500 else "rate_limit_error"
            return self._send_json(status, {"type": "error", "error": {"type": etype,
                                                                         "message": "mock %d failure #%d" % (status, seq)}},
                                   {"retry-after": "1"} if status == 429 else None)
        mid = "msg_mock_%04d" % seq
        tool_name, tool_args = (None, None)
        if mode == "tool":
            tool_name, tool_args = pick_tool(summary.get("tools") or [])
            if tool_name is None:
                mode = "normal"
                rec["mode"] = "tool-unavailable"
        text = answer_text(seq, summary, mode)
        if not stream:
            content = [{"type": "text", "text": text}]
            stop = "end_turn"
            if tool_name:
                content = [{"type": "tool_use", "id": "toolu_mock_%04d" % seq, "name": tool_name, "input": tool_args}]
                stop = "tool_use"
            resp = {"id": mid, "type": "message", "role": "assistant", "model": model, "content": content,
                    "stop_reason": stop, "stop_sequence": None, "usage": wire}
            rec.update({"status": 200, "usage_sent": True, "wire_usage": wire, "text": None if tool_name else text,
                        "tool_call": tool_name})
            rec.update(norm)
            log_line(rec)
            return self._send_json(200, resp)

        self._start_sse()
        start_usage = dict(wire)
        start_usage["output_tokens"] = 1
        try:
            self._sse({"type": "message_start", "message": {
                "id": mid, "type": "message", "role": "assistant", "model": model, "content": [],
                "stop_reason": None, "stop_sequence": None, "usage": start_usage}}, event="message_start")
            if mode == "cut":
                self._sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                          event="content_block_start")
                self._sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Mock "}},
                          event="content_block_delta")
                rec.update({"status": 200, "usage_sent": "message_start_only", "stream_cut": True,
                            "wire_usage_message_start": start_usage})
                rec.update(zero_norm())
                log_line(rec)
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            if mode.startswith("slow:"):
                secs = int(mode.split(":")[1])
                rec.update({"slow_seconds": secs})
                time.sleep(secs)
            if tool_name:
                self._sse({"type": "content_block_start", "index": 0, "content_block": {
                    "type": "tool_use", "id": "toolu_mock_%04d" % seq, "name": tool_name, "input": {}}},
                    event="content_block_start")
                self._sse({"type": "content_block_delta", "index": 0, "delta": {
                    "type": "input_json_delta", "partial_json": json.dumps(tool_args)}}, event="content_block_delta")
                self._sse({"type": "content_block_stop", "index": 0}, event="content_block_stop")
                stop = "tool_use"
            else:
                self._sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                          event="content_block_start")
                words = text.split(" ")
                for i, w in enumerate(words):
                    self._sse({"type": "content_block_delta", "index": 0, "delta": {
                        "type": "text_delta", "text": w + (" " if i < len(words) - 1 else "")}},
                        event="content_block_delta")
                self._sse({"type": "content_block_stop", "index": 0}, event="content_block_stop")
                stop = "end_turn"
            self._sse({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": None},
                       "usage": {"output_tokens": wire["output_tokens"]}}, event="message_delta")
            self._sse({"type": "message_stop"}, event="message_stop")
            rec.update({"status": 200, "usage_sent": True, "wire_usage": wire, "text": None if tool_name else text,
                        "tool_call": tool_name})
            rec.update(norm)
            log_line(rec)
        except (BrokenPipeError, ConnectionResetError) as e:
            rec.update({"status": 200, "client_disconnected": True, "error": type(e).__name__,
                        "usage_sent": "partial"})
            rec.update(zero_norm())
            log_line(rec)


def first_line(text):
    text = (text or "").strip()
    return text.splitlines()[0][:120] if text else ""


def zero_norm():
    return {"input": 0, "output": 0, "cache_read": 0, "cache_write": 0, "total": 0}


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=0, help="0 = random free port")
    ap.add_argument("--port-file", help="write the chosen port here once listening")
    ap.add_argument("--log", required=True, help="ground-truth JSONL log (appended)")
    ap.add_argument("--dump-dir", help="if set, save every model request body as <seq>.json here")
    ap.add_argument("--other-log", help="JSONL log for requests that are not model calls "
                                        "(default: <log>.other.jsonl)")
    ap.add_argument("--faketime-file", help="file holding a libfaketime-style relative offset (e.g. -1d) "
                                            "applied to logged timestamps")
    ap.add_argument("--verbose", action="store_true")
    ARGS = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    srv.daemon_threads = True
    port = srv.server_address[1]
    if ARGS.port_file:
        tmp = ARGS.port_file + ".tmp"
        with open(tmp, "w") as fh:
            fh.write(str(port))
        os.replace(tmp, ARGS.port_file)
    sys.stderr.write("mock-llm listening on 127.0.0.1:%d\n" % port)
    sys.stderr.flush()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
