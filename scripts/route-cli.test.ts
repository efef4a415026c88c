import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runRouteCli } from "./route-cli";

function validRequest(id = "1001"): Record<string, unknown> {
  return {
    order: {
      id,
      placedAt: "2024-06-01T10:00:00Z",
      deliveryMethod: "SHIPPING",
      serviceLevel: "STANDARD",
      destination: { lat: 41.88, lng: -87.63 },
      lines: [{ sku: "TEE-M", quantity: 1 }],
    },
    locations: [
      {
        id: "W-1",
        kind: "WAREHOUSE",
        lat: 41.5,
        lng: -88.1,
        active: true,
        isOpen: true,
        pickupEnabled: false,
        stock: { "TEE-M": 5 },
        labourCostPerOrder: 2,
        shipping: { base: 6, perMile: 0.003 },
      },
    ],
    rules: {},
  };
}

function run(content: string): ReturnType<typeof runRouteCli> {
  return runRouteCli(["request.json"], () => content);
}

describe("route CLI", () => {
  it("prints the decision for one request as JSON, with defaults applied", () => {
    const result = run(JSON.stringify(validRequest()));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("}\n")).toBe(true);
    const decision: unknown = JSON.parse(result.stdout);
    expect(decision).toMatchObject({ orderId: "1001", status: "ROUTED", assignments: [{ locationId: "W-1" }] });
  });

  it("accepts rules.lookAhead, and the trace shows the look-ahead verdict", () => {
    const request = validRequest();
    const locations = request.locations as Record<string, unknown>[];
    // A store 2 miles from the destination ($9.10) beside a warehouse ($8.30, 100 miles away):
    // within the $2.50 allowed extra, so the store ships unless look-ahead keeps its units.
    locations[0] = { ...locations[0], lat: 43.33, lng: -87.63, stock: { "TEE-M": 50 } };
    locations.push({
      id: "S-1",
      kind: "STORE",
      lat: 41.909,
      lng: -87.63,
      active: true,
      isOpen: true,
      pickupEnabled: true,
      stock: { "TEE-M": 5 },
      labourCostPerOrder: 4,
      shipping: { base: 5, perMile: 0.05 },
    });
    const chosen = (rules: Record<string, unknown>) => {
      const result = run(JSON.stringify({ ...request, rules }));
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as { assignments: { locationId: string }[] };
    };
    expect(chosen({}).assignments[0]!.locationId).toBe("S-1");
    const withLookAhead = chosen({ lookAhead: true });
    expect(withLookAhead.assignments[0]!.locationId).toBe("W-1");
    expect(JSON.stringify(withLookAhead)).toContain('"rule":"LOOK_AHEAD"');
  });

  it("prints an array of decisions for an array of requests", () => {
    const result = run(JSON.stringify([validRequest("A"), validRequest("B")]));
    expect(result.code).toBe(0);
    const decisions = JSON.parse(result.stdout) as { orderId: string }[];
    expect(decisions.map((decision) => decision.orderId)).toEqual(["A", "B"]);
  });

  it("exits 2 naming the offending field, and prints nothing on stdout", () => {
    const request = validRequest();
    (request.order as { lines: { quantity: number }[] }).lines[0]!.quantity = 0;
    const result = run(JSON.stringify(request));
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "request.json: invalid routing request\norder.lines[0].quantity: must be an integer ≥ 1\n",
    });
  });

  it("prefixes each problem with the index of the request in an array", () => {
    const broken = validRequest();
    (broken.order as { deliveryMethod: string }).deliveryMethod = "DRONE";
    const result = run(JSON.stringify([validRequest(), broken]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("[1].order.deliveryMethod: must be one of SHIPPING, PICK_UP, LOCAL_DELIVERY");
  });

  it("exits 2 on a file that is not JSON", () => {
    const result = run("{ not json");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^request\.json: invalid JSON: /);
  });

  it("exits 2 when the file cannot be read or no file is named", () => {
    const unreadable = runRouteCli(["missing.json"], () => {
      throw new Error("ENOENT: no such file");
    });
    expect(unreadable).toEqual({
      code: 2,
      stdout: "",
      stderr: "missing.json: cannot read the file: ENOENT: no such file\n",
    });
    expect(runRouteCli([], () => "").code).toBe(2);
    expect(runRouteCli(["a.json", "b.json"], () => "").code).toBe(2);
  });

  describe("as a process", () => {
    const directory = mkdtempSync(join(tmpdir(), "route-cli-"));
    const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));
    let files = 0;
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    function spawnRoute(content: string): { status: number | null; stdout: string; stderr: string } {
      const file = join(directory, `request-${++files}.json`);
      writeFileSync(file, content);
      const result = spawnSync("npx", ["tsx", "scripts/route.ts", file], {
        cwd: repositoryRoot,
        encoding: "utf8",
        timeout: 60_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    it("prints the decision and exits 0", () => {
      const result = spawnRoute(JSON.stringify(validRequest()));
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout) as unknown).toMatchObject({ orderId: "1001", status: "ROUTED" });
    }, 60_000);

    it("exits 2 with the message on stderr and nothing on stdout", () => {
      const request = validRequest();
      (request.locations as { kind: string }[])[0]!.kind = "DEPOT";
      const result = spawnRoute(JSON.stringify(request));
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("locations[0].kind: must be one of STORE, WAREHOUSE");
    }, 60_000);
  });
});
