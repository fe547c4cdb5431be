import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicplatform.app.launcher.EmbeddedDatabase;
import org.civicplatform.app.launcher.Folders;
import org.civicplatform.core.allocation.control.AllocationEngine;
import org.civicplatform.kunshan.KunshanTenant;
import org.flywaydb.core.Flyway;

/**
 * DB-to-DB allocation benchmark (issue 9): 100 000 Kunshan applications (90 % 审核完成 with their confirmed
 * points breakdown stored, as a review stores it), 300 schools (240 public, 60 private), 12 districts in an embedded PostgreSQL 17 (durable settings, as the run command uses), then
 * the engine's dry run exactly as the platform runs it (AllocationEngine.dryRun: load + map + run +
 * COPY results + tallies, one transaction, commit). Run by bench/allocation.sh.
 *
 * Args: [applicants=100000] [repetitions=3]
 */
public class AllocationBenchmark {

  public static void main(String[] args) throws Exception {
    int applicants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Path.of(System.getProperty("bench.dir", "target/allocation-bench")).toAbsolutePath();
    Folders.deleteRecursively(work);
    try (EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("postgres"), 0)) {
      Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)
          .locations("classpath:db/migration").load().migrate();
      long seedStart = System.nanoTime();
      try (Connection c = db.connect(); Statement s = c.createStatement()) {
        s.execute(seedSql(applicants));
        s.execute("vacuum analyze");
      }
      System.out.printf("seeded %d applications, 300 schools, 12 districts in %.1f s%n", applicants,
          (System.nanoTime() - seedStart) / 1e9);
      KunshanTenant tenant = new KunshanTenant();
      String seed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
      List<String> digests = new ArrayList<>();
      for (int i = 1; i <= repetitions; i++) {
        System.gc();
        resetPeaks();
        try (Connection c = db.connect()) {
          c.setAutoCommit(false);
          long backend = backendPid(c);
          long pg0 = cpuMillisOf(backend);
          long t0 = System.nanoTime();
          long cpu0 = processCpuNanos();
          AllocationEngine.Stored stored = AllocationEngine.dryRun(c, tenant,
              new AllocationEngine.Request("kunshan", 2024, "PRIMARY", null, seed, "GIVEN", "bench"), Instant.now());
          c.commit();
          long total = (System.nanoTime() - t0) / 1_000_000;
          long cpu = (processCpuNanos() - cpu0) / 1_000_000;
          long pgCpu = cpuMillisOf(backend) - pg0;
          digests.add(stored.resultDigest());
          if (i == 1) {
            try (Statement q = c.createStatement(); var rs = q.executeQuery("select coalesce(rule, '-'), count(*)"
                + " from allocation_applicant where run_id = '" + stored.runId() + "' group by 1 order by 2 desc")) {
              StringBuilder rules = new StringBuilder("final outcomes by rule:");
              while (rs.next()) {
                rules.append(' ').append(rs.getString(1)).append('=').append(rs.getInt(2));
              }
              System.out.println(rules);
            }
          }
          System.out.printf("run %d: %d applicants, %d placed | load+map %d ms (of which waiting for rows %d ms) |"
              + " algorithm (procedure run, input digest) %d ms |"
              + " store (texts, result digest, COPY, tallies) + commit %d ms | end-to-end %d ms (JVM CPU %d ms, PostgreSQL backend CPU %d ms, load average %.1f) | heap pools peak sum (upper bound) %d MB%n",
              i, stored.applicants(), stored.placed(), stored.loadMillis(), stored.readMillis(), stored.computeMillis(),
              total - stored.loadMillis() - stored.computeMillis(), total, cpu, pgCpu,
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), peakHeapMb());
        }
      }
      System.out.println("result digests identical across runs: " + digests.stream().distinct().count() + " distinct of "
          + digests.size() + " (" + digests.get(0) + ")");
      System.out.println("max heap (-Xmx): " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, cores: "
          + Runtime.getRuntime().availableProcessors());
    }
  }

  static long backendPid(Connection c) throws java.sql.SQLException {
    try (Statement s = c.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** User + system CPU of a process (the connection's PostgreSQL backend) from /proc, in ms (-1 elsewhere). */
  static long cpuMillisOf(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in clock ticks of 10 ms
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time of this JVM (all its threads: main, GC, JIT); PostgreSQL's own CPU is not included. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peak use since the last reset (an upper bound of the live peak). */
  static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  static String seedSql(int n) {
    return """
        insert into district (tenant_id, code, name_zh, name_en)
        select 'kunshan', 'd' || d, '区镇' || d, 'District ' || d from generate_series(0, 11) d;
        insert into school (tenant_id, code, name_zh, name_en, district_code, public_school, seats)
        select 'kunshan', 'pub-' || d || '-' || k, '公办' || d || '-' || k, 'Public ' || d || '-' || k, 'd' || d, true,
               jsonb_build_object('PRIMARY', 250 + ((d * 31 + k * 17) %% 200))
        from generate_series(0, 11) d, generate_series(0, 19) k;
        insert into school (tenant_id, code, name_zh, name_en, district_code, public_school, seats)
        select 'kunshan', 'priv-' || d || '-' || k, '民办' || d || '-' || k, 'Private ' || d || '-' || k, 'd' || d, false,
               jsonb_build_object('PRIMARY', 80 + ((d * 13 + k * 29) %% 120))
        from generate_series(0, 11) d, generate_series(0, 4) k;
        insert into family (id, tenant_id, owner_subject, created_at)
        values ('00000000-0000-0000-0000-00000000b001', 'kunshan', 'bench-owner', now());
        insert into child (id, tenant_id, family_id, name, id_type, id_number, stage, created_at)
        select gen_random_uuid(), 'kunshan', '00000000-0000-0000-0000-00000000b001', '测试' || i, 'OTHER', 'BENCH' || i,
               'PRIMARY', now()
        from generate_series(1, %d) i;
        insert into application (id, tenant_id, child_id, school_year, status, answers, district_code, submitted_at,
                                 created_at, updated_at, stage, registration_number, submissions)
        select gen_random_uuid(), 'kunshan', c.id, 2024, case when n %% 10 = 0 then 'SUBMITTED' else 'REVIEWED' end,
          jsonb_build_object(
            'stage', 'PRIMARY',
            'family', jsonb_build_object(
              'student', jsonb_build_object('name', '测试' || n, 'gender', 'M', 'idType', 'OTHER', 'idNumber', 'BENCH' || n,
                'birthDate', '2018-03-01', 'ethnicity', '汉族', 'hasSchoolRecord', false,
                'householdAddress', '安徽省合肥市蜀山区长江西路' || n || '号'),
              'guardian1', jsonb_build_object('relation', 'FATHER', 'name', '王军', 'phone', '139' || lpad(n::text, 8, '0'),
                'idType', 'OTHER', 'idNumber', 'G' || n, 'householdAddress', '安徽省合肥市蜀山区长江西路1号',
                'currentAddress', '昆山市某路' || n || '号', 'district', 'd' || (n %% 12)),
              'guardian2', jsonb_build_object('relation', 'NONE')),
            'subject', jsonb_build_object(
              'subject', jsonb_build_object('guardian', 'guardian1'),
              'education', jsonb_build_object('level', (array['NONE','JUNIOR_COLLEGE','BACHELOR','MASTER','DOCTOR'])[1 + (n * 7 %% 5)]),
              'vocational', jsonb_build_object('level', (array['NONE','LEVEL5','LEVEL4','LEVEL3','LEVEL2','LEVEL1'])[1 + (n * 11 %% 6)]),
              'title', jsonb_build_object('level', (array['NONE','JUNIOR','INTERMEDIATE','ASSOCIATE_SENIOR','SENIOR'])[1 + (n * 13 %% 5)]),
              'residencePermit', case when n %% 7 = 0 then '{}'::jsonb
                else jsonb_build_object('issuedOn', (date '2012-01-01' + (n * 37 %% 4000))::text) end),
            'housing', jsonb_build_object('property', jsonb_build_object('hasProperty', n %% 5 = 0)),
            'honours', case when n %% 50 = 0
              then jsonb_build_object('honour', jsonb_build_object('hasHonour', true, 'relation', 'FATHER',
                'kind', 'MODEL_WORKER', 'level', (array['COUNTY','CITY','PROVINCE','NATIONAL'])[1 + (n %% 4)], 'awardedOn', '2020-05-01'))
              else jsonb_build_object('honour', jsonb_build_object('hasHonour', false)) end,
            'choices', jsonb_build_object('choices',
              jsonb_strip_nulls(jsonb_build_object(
                'public', 'pub-' || (n %% 12) || '-' || ((n / 12) * 7 %% 20),
                'private1', case when n %% 5 = 1 then 'priv-' || (n * 3 %% 12) || '-' || (n %% 5) end,
                'private2', case when n %% 3 = 2 then 'priv-' || (n * 7 %% 12) || '-' || (n * 11 %% 5) end)))),
          'd' || (n %% 12), now(), now(), now(), 'PRIMARY', 'ES2024' || lpad(n::text, 6, '0'), 1
        from (select id, (row_number() over (order by id))::int n from child) c;
        -- 审核完成: the points breakdown confirmed at review, in the tenant's format (as Scores stores it)
        update application a set confirmed_rule_set = 'kunshan-2024-default', points_confirmed_at = now(),
          confirmed_points = (
            select jsonb_build_object('year', 2024, 'ruleSet', 'kunshan-2024-default',
              'items', jsonb_agg(jsonb_build_object('item', it.item, 'label', jsonb_build_object('zh', it.zh, 'en', it.en),
                'counted', it.counted, 'pending', false, 'value', it.v, 'display', it.v::text) order by it.ord),
              'pending', '[]'::jsonb, 'total', sum(case when it.counted then it.v else 0 end), 'complete', true)
            from (select substring(a.registration_number from 7)::int n) k,
            lateral (values
              (1, 'property', '房产年限', 'Property years', true,
                case when k.n %% 5 = 0 then round((k.n * 37 %% 3000) / 100.0, 2) else 0 end),
              (2, 'education', '文化程度', 'Education', false, ((array[0,5,10,15,20])[1 + (k.n * 7 %% 5)])::numeric),
              (3, 'vocational', '职业资格', 'Vocational qualification', false, 0::numeric),
              (4, 'title', '专业技术职称', 'Professional title', false, 0::numeric),
              (5, 'insurance', '参保年限', 'Social-insurance years', true, round((k.n * 53 %% 13000) / 100.0, 2)),
              (6, 'lawAbiding', '遵规守法（公安）', 'Law-abiding (public security)', true, 20::numeric),
              (7, 'bravery', '见义勇为', 'Act of bravery', false, 0::numeric),
              (8, 'modelWorker', '劳动模范', 'Model worker', false, case when k.n %% 50 = 0 then 10 else 0 end::numeric),
              (9, 'moralModel', '道德模范', 'Moral model', false, 0::numeric),
              (10, 'titleOrEducation', '专业技术职称(职业资格)或文化程度', 'Title, qualification or education (highest)', true,
                ((array[0,5,10,15,20])[1 + (k.n * 7 %% 5)])::numeric),
              (11, 'honours', '先进典型', 'Honours (highest)', true, case when k.n %% 50 = 0 then 10 else 0 end::numeric)
            ) it(ord, item, zh, en, counted, v))
        where a.status = 'REVIEWED';
        """.formatted(n);
  }
}
