"""`token-monitor schedule`: collect on a timer at no model cost (plan by default, --apply to do it)."""

from __future__ import annotations

from .. import options
from ..errors import UsageError
from ..i18n import DEFAULT_LANG, LANGS, normalize_lang
from ..launcher import self_command
from ..ops import schedule as sched
from ..ops.settings import load_settings, save_settings, settings_path
from ..output import envelope, print_json
from ..sources.openclaw_config import load_config, main_workspace

NAME = "schedule"
ORDER = 80
HELP = "collect periodically with no model cost: OpenClaw cron job, HEARTBEAT.md block or crontab (plan; --apply)"
DESCRIPTION = """Set up periodic collection. Prints the plan unless --apply is given; applying twice never
creates a second job, and --remove undoes it. The method follows the installed OpenClaw:
  2026.9+ (cron command payloads)  an `openclaw cron add --command …` job: no model call, no tokens;
                                   quiet runs print NO_REPLY, alerts are announced to your chat
  older OpenClaw                   a marked block in the workspace HEARTBEAT.md (each heartbeat costs a turn)
  no openclaw CLI on PATH          a line in your user crontab (alerts go to cron mail)"""
EPILOG = """examples:
  token-monitor schedule                      show the plan
  token-monitor schedule --apply              do it (idempotent)
  token-monitor schedule --every 1h --apply   change the interval
  token-monitor schedule --remove             undo it
  token-monitor schedule --apply --lang zh-CN alerts in Simplified Chinese (remembered)"""


def register(p) -> None:
    p.add_argument("--every", metavar="DURATION", default="30m", help="interval: 15m, 30m (default), 1h, 1d")
    p.add_argument("--apply", action="store_true", help="perform the plan (otherwise only print it)")
    p.add_argument("--remove", action="store_true", help="remove the scheduled collection (no --apply needed)")
    p.add_argument("--method", choices=["auto", "cron", "heartbeat", "crontab"], default="auto",
                   help="force a mechanism instead of detecting it")
    p.add_argument("--deliver", choices=["announce", "none"], default="announce",
                   help="cron jobs: announce alerts to your last chat (default) or deliver nothing (--no-deliver)")
    p.add_argument("--lang", metavar="TAG", help="language of alert paragraphs, a BCP 47 tag: en, zh-CN; stored with "
                                                 "--apply in token-monitor's settings and used by every scheduled run")
    options.add_shared_options(p, "--json")


def _explicit_data_dir(ctx):
    """Our data dir, but only when it is not the default one the job would find by itself."""
    if getattr(ctx.args, "data_dir", None) or ctx.env.get("TOKEN_MONITOR_DATA_DIR"):
        return ctx.data_dir
    return None


def run(ctx) -> int:
    a = ctx.args
    every_s = sched.parse_every(a.every)
    lang = normalize_lang(a.lang) if a.lang else None
    if ctx.state.is_demo:
        raise UsageError("refusing to schedule collection of the bundled demo state", hint="pass --state-dir or install OpenClaw")
    method = None if a.method == "auto" else a.method
    openclaw = None if method == "crontab" else sched.detect_openclaw(ctx.env)
    cfg = load_config(ctx.config_path)
    plan = sched.make_plan(
        action="remove" if a.remove else "install", every_s=every_s, method=method, openclaw=openclaw,
        state_dir=ctx.state.path, data_dir=_explicit_data_dir(ctx),
        workspace=main_workspace(cfg, ctx.state.path, ctx.env), deliver=a.deliver,
        runner=self_command(env=ctx.env),
    )
    done = sched.apply_plan(plan, every_s=every_s, env=ctx.env) if (a.apply or a.remove) else None
    if lang and done is not None and not a.remove:
        save_settings(ctx.data_dir, lang=lang)
        done.append(f"alerts will be written in {LANGS[lang]} ({lang}); stored in {settings_path(ctx.data_dir)}")
    stored = load_settings(ctx.data_dir).get("lang")
    alert_lang = lang or (stored if stored in LANGS else DEFAULT_LANG)
    if a.json:
        print_json(envelope("schedule", data={"plan": plan.as_dict(), "applied": done is not None, "done": done or [],
                                              "lang": alert_lang}))
        return 0
    for line in plan.summary:
        print(line)
    if done is None:
        if lang:
            print(f"alerts in {LANGS[lang]} ({lang}), stored with --apply")
        print("plan only — run again with --apply to do it")
    else:
        for line in done:
            print(line)
    return 0
