/**
 * Schools and zones (学校与施教区) as the tenant administrator's data, and what parents see of their
 * choices.
 *
 * <ul>
 *   <li>Districts, schools (public/private, seats per stage, zone address patterns) and the enrolment
 *       calendar live in tables seeded on first start from the tenant's {@code ReferenceData}; tenant
 *       administrators edit them ({@code /api/tenants/{t}/admin/…}, validated, audited). {@link
 *       org.civicplatform.core.schools.boundary.Schools#seats} is the read side the allocation engine
 *       uses.
 *   <li>Recommendation: the property address is normalised ({@link
 *       org.civicplatform.core.schools.control.AddressNormaliser}) and matched against the zone patterns
 *       of the public schools offering the child's stage; the most specific matches are recommended, a
 *       tie lets the parent choose, and the parent may cancel and choose another public school of the
 *       district. The decision is recorded.
 *   <li>Statuses: each batch's status (当前进展) and the progress chain are derived on read from the
 *       application, its review tasks and the published placement outcomes by the tenant's {@code
 *       StatusRule}; the outcomes come through the {@link
 *       org.civicplatform.core.schools.control.PublishedOutcomes} seam (none until an allocation run is
 *       published).
 *   <li>Names: one public map code → zh/en of districts, schools, review stages, batches and statuses, so
 *       no page shows a code.
 * </ul>
 */
package org.civicplatform.core.schools;
