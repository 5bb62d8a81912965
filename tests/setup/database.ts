// A fresh, migrated database per test file, on the driver the test run asks for; the whole app uses it.
import { openDatabase, useDatabase, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

export type TestDatabase = { db: Db; close: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const handle = await openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  useDatabase(handle.db);
  return {
    db: handle.db,
    close: async () => {
      useDatabase(undefined);
      await handle.close();
    },
  };
}
