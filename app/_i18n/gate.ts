// The words of the gate phone (/gate): each answer is shown in both languages at once, large.
import type { Lang } from "./dict";

export const GATE_BOTH = {
  out: "出门 OUT",
  in: "返回 IN",
  refused: "不可通行 STOP",
  offline: "已暂存 SAVED",
  offlineNote: "无网络：联网发送后才核对方向与有效期 · No network: direction and validity are checked when it is sent",
  reportAge: (h: number) => `核酸 ${h} 小时前 · report ${h} h old`,
  returnBy: (zh: string, en: string) => `须于 ${zh} 前返回 · back by ${en}`,
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
  },
};
