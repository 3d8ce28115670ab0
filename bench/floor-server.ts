// Why: the floors for HTTP and push: a bare node:http server and a bare Socket.IO server in their own process,
// doing only what Cordon's answer needs at the wire (read the body, answer 201; emit one small message to a room).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { serveParent } from "./child";
import { now } from "./common";

const COUNTS = {
  householdsTotal: 1383,
  householdsTested: 0,
  buildingsTotal: 41,
  buildingsSealed: 3,
  volunteersTotal: 162,
  volunteersOnDuty: 44,
  pendingRequests: 7,
  urgentRequests: 1,
};
let seq = 0;

async function drain(req: IncomingMessage): Promise<number> {
  let n = 0;
  for await (const chunk of req) n += (chunk as Buffer).length;
  return n;
}

const http = createServer(async (req, res) => {
  await drain(req);
  const json = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
  };
  if (req.url === "/emit") {
    seq++;
    const emittedAt = now();
    io.to("community:default").emit("counts", { seq, community: "default", counts: { ...COUNTS, householdsTested: seq } });
    return json(201, { accepted: [{ id: String(seq), seq, duplicate: false }], emittedAt });
  }
  if (req.method === "POST") return json(201, { accepted: [{ id: String(++seq), seq, duplicate: false }] });
  json(200, { seq, community: "default", demo: false, counts: COUNTS, round: null });
});
http.keepAliveTimeout = 60_000;
const io = new Server(http, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000, maxHttpBufferSize: 16 * 1024 });
io.on("connection", (socket) => {
  socket.on("subscribe", async (input: { community?: string }) => {
    const community = input?.community ?? "default";
    await socket.join(`community:${community}`);
    socket.emit("snapshot", { seq, community, demo: false, counts: COUNTS, round: null });
  });
});

serveParent({
  start: () => new Promise<number>((resolve) => http.listen(0, "127.0.0.1", () => resolve((http.address() as AddressInfo).port))),
});
