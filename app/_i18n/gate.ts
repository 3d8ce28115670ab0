// The words of the gate phone (/gate): each answer is shown in both languages at once, large.
import type { Lang } from "./dict";

export const GATE_BOTH = {
  out: "出门 OUT",
  in: "返回 IN",
  refused: "不可通行 STOP",
  offline: { "zh-CN": "已暂存 未核对", en: "SAVED, NOT CHECKED" },
  offlineNote: {
    "zh-CN": "无网络：扫码存在本机，联网发送后才核对出入方向与有效期。请先看通行证上的有效期。",
    en: "No network: the scan is kept on this phone; direction and validity are checked only when it is sent. Meanwhile read the validity on the pass.",
  },
  reportAge: (h: number) => `核酸 ${h} 小时前 · report ${h} h old`,
  returnBy: { "zh-CN": (t: string) => `须于 ${t} 前返回`, en: (t: string) => `back by ${t}` },
  noLimit: "返回时间不限 · no return time",
  next: "下一位 · Next",
} as const;

type GateDict = {
  title: string;
  codeLabel: string;
  check: string;
  camera: string;
  stopCamera: string;
  cameraHint: string;
  cameraDenied: string;
  signIn: string;
  scans: string;
  waiting: (n: number) => string;
  pendingCheck: string;
  sending: string;
  dismiss: string;
  out: string;
  in: string;
  refused: string;
  scannedAt: (t: string) => string;
};

export const GATE: Record<Lang, GateDict> = {
  en: {
    title: "Gate",
    codeLabel: "Pass number",
    check: "Check",
    camera: "Scan the QR code",
    stopCamera: "Stop the camera",
    cameraHint: "Hold the pass's QR code in front of the camera",
    cameraDenied: "The camera cannot be used here: type the pass number instead",
    signIn: "Open this page from a volunteer's sign-in link",
    scans: "Scans on this phone",
    waiting: (n) => `${n} scan${n === 1 ? "" : "s"} waiting for the network: direction and validity will be checked when sent`,
    pendingCheck: "Waiting to be sent: not yet checked",
    sending: "Sending…",
    dismiss: "Dismiss",
    out: "Out",
    in: "In",
    refused: "Refused",
    scannedAt: (t) => `scanned ${t}`,
  },
  "zh-CN": {
    title: "门岗",
    codeLabel: "通行证号码",
    check: "核验",
    camera: "扫描二维码",
    stopCamera: "关闭摄像头",
    cameraHint: "请将通行证二维码对准摄像头",
    cameraDenied: "无法使用摄像头：请输入通行证号码",
    signIn: "请用志愿者登录链接打开此页",
    scans: "本机扫码记录",
    waiting: (n) => `${n} 条扫码等待网络：发送后才核对出入方向与有效期`,
    pendingCheck: "等待发送：尚未核对",
    sending: "发送中…",
    dismiss: "知道了",
    out: "出门",
    in: "返回",
    refused: "不可通行",
    scannedAt: (t) => `${t} 扫码`,
  },
};
