// CPU time and resident memory of whole process trees (next-server, the PostgreSQL cluster) from
// Linux's /proc, so the bench can say whether a slow page spends its time rendering in Node or
// working in Postgres, and how much memory the server holds. Process trees rather than groups:
// every PostgreSQL backend calls setsid() and leaves the postmaster's group.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const value = Number(result.stdout?.trim());
    ticksPerSecond = Number.isFinite(value) && value > 0 ? value : 100;
  }
  return ticksPerSecond;
}

type ProcessStat = { pid: number; ppid: number; ownTicks: number; reapedChildTicks: number };

function readStat(pid: string): ProcessStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // Exited meanwhile.
  }
  // The command name may hold spaces and parentheses: fields are counted from the last ')'.
  // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12) cutime(13) cstime(14).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  return { pid: Number(pid), ppid: fields[1], ownTicks: fields[11] + fields[12], reapedChildTicks: fields[13] + fields[14] };
}

/**
 * User + system CPU seconds used so far by `rootPid` and all its descendants, including children
 * that have already exited and been reaped (their time is in the parent's cutime/cstime). NaN where
 * /proc is not available (not Linux) or the process is gone.
 */
export function treeCpuSeconds(rootPid: number | undefined): number {
  if (!rootPid) return Number.NaN;
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return Number.NaN;
  }
  const stats = entries.map(readStat).filter((s): s is ProcessStat => s !== undefined);
  const children = new Map<number, ProcessStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return Number.NaN;
  let ticks = 0;
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.pop();
    if (!current) break;
    ticks += current.ownTicks + current.reapedChildTicks;
    queue.push(...(children.get(current.pid) ?? []));
  }
  return ticks / clockTicks();
}

/** The parent of a live process (the postmaster of a PostgreSQL backend); undefined when unknown. */
export function parentOf(pid: number): number | undefined {
  const stat = readStat(String(pid));
  return stat && Number.isFinite(stat.ppid) ? stat.ppid : undefined;
}

/**
 * CPU seconds the whole machine has spent busy (all cores, from /proc/stat), for telling how much
 * of a run's CPU went to processes outside the bench. NaN where /proc is not available.
 */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n").find((l) => l.startsWith("cpu "));
    if (!line) return Number.NaN;
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** A live process of a tree: its id, command line and resident memory. */
export type TreeProcess = { pid: number; ppid: number; command: string; rssBytes: number };

function residentBytes(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    // "VmRSS:    123456 kB"
    const kib = Number(line?.split(/\s+/)[1]);
    return Number.isFinite(kib) ? kib * 1024 : 0;
  } catch {
    return 0; // Exited meanwhile.
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

/** `rootPid` and every live descendant, parents before children; empty where /proc is not available. */
export function processTree(rootPid: number | undefined): TreeProcess[] {
  if (!rootPid) return [];
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const stats = entries.map(readStat).filter((s): s is ProcessStat => s !== undefined);
  const children = new Map<number, ProcessStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return [];
  const tree: TreeProcess[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current) break;
    tree.push({ pid: current.pid, ppid: current.ppid, command: commandLine(current.pid), rssBytes: residentBytes(current.pid) });
    queue.push(...(children.get(current.pid) ?? []));
  }
  return tree;
}

/** Resident memory (RSS) of `rootPid` and all its live descendants together, in bytes. */
export function treeRssBytes(rootPid: number | undefined): number {
  return processTree(rootPid).reduce((sum, p) => sum + p.rssBytes, 0);
}

/**
 * Resolves once the process trees together use less than a tenth of a core over half a second (the
 * server has finished the requests a load generator hung up on), or after `timeoutMs`. Returns
 * whether they went idle.
 */
export async function waitUntilIdle(rootPids: Array<number | undefined>, timeoutMs: number): Promise<boolean> {
  const windowMs = 500;
  const deadline = Date.now() + timeoutMs;
  const used = (): number => rootPids.reduce<number>((sum, pid) => sum + (treeCpuSeconds(pid) || 0), 0);
  let last = used();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = used();
    if (now - last < (0.1 * windowMs) / 1000) return true;
    last = now;
  }
  return false;
}
