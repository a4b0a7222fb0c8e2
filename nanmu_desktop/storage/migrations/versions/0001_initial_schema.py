"""initial schema

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-24 15:40:02.359788
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nanmu_desktop.storage.backends import ddl


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None

# Rows the law says never change: refused by the database itself, whoever writes.
IMMUTABLE_TABLES = {
    "issued_documents": "已签发的公文不可修改或删除，如需更正请另行发文",
    "document_voids": "公文作废记录不可修改或删除",
    "number_register": "文号登记不可修改或删除",
    "audit_log": "审计日志不可修改或删除",
}


def _dialect() -> str:
    return str(op.get_bind().dialect.name)


def create_protections() -> None:
    # SQLite: RAISE(ABORT) triggers; PostgreSQL: PL/pgSQL (storage/backends/ddl.py).
    for statement in ddl.functions(_dialect()):
        op.execute(statement)
    for table, message in IMMUTABLE_TABLES.items():
        for verb in ("UPDATE", "DELETE"):
            for statement in ddl.refusal_trigger(_dialect(), table, verb, message):
                op.execute(statement)


def create_search_index() -> None:
    # Bigram-tokenised copy of each case's text (see storage/search_index.py). Removal needs
    # no tokenising, so the database does it (a trigger) even for raw SQL deletes.
    for statement in ddl.search_index(_dialect()):
        op.execute(statement)


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.String(length=50), nullable=False),
    sa.Column('before_json', sa.Text(), nullable=True),
    sa.Column('after_json', sa.Text(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('hash', name=op.f('uq_audit_log_hash')),
    sa.UniqueConstraint('prev_hash', name=op.f('uq_audit_log_prev_hash'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id', 'id'], unique=False)

    op.create_table('calendar_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f('ck_calendar_days_kind')),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_days'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('enforcement_type', sa.String(length=30), nullable=False),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('loss_text', sa.Text(), nullable=False),
    sa.Column('loss_amount_fen', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('remedial_actions', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("outcome IS NULL OR outcome IN ('not_tolerated', 'duty_fulfilled', 'exempt', 'mitigated')", name=op.f('ck_cases_outcome')),
    sa.CheckConstraint("status IN ('registered', 'investigating', 'determining', 'decided', 'notified', 'correcting', 'following_up', 'closed')", name=op.f('ck_cases_status')),
    sa.CheckConstraint('loss_amount_fen IS NULL OR loss_amount_fen >= 0', name=op.f('ck_cases_loss_amount')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('number', name=op.f('uq_cases_number'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_field_reported_on', ['field', 'reported_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_occurred_on_id', ['occurred_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_outcome_reported_on', ['outcome', 'reported_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_reported_on_id', ['reported_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_source_reported_on', ['source', 'reported_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_status_reported_on', ['status', 'reported_on', 'id'], unique=False)
        batch_op.create_index('ix_cases_updated_at_id', ['updated_at', 'id'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('name', name=op.f('uq_departments_name'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('township_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name_zh', sa.String(length=100), nullable=False),
    sa.Column('name_mn', sa.String(length=200), nullable=False),
    sa.Column('document_prefixes', sa.JSON(), nullable=False),
    sa.Column('signer', sa.String(length=50), nullable=False),
    sa.Column('issuing_authority', sa.String(length=100), nullable=False),
    sa.Column('default_cc', sa.JSON(), nullable=False),
    sa.Column('day_counting', sa.String(length=20), nullable=False),
    sa.Column('first_run_done', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("day_counting IN ('calendar', 'working')", name=op.f('ck_township_profile_day_counting')),
    sa.CheckConstraint('id = 1', name=op.f('ck_township_profile_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_township_profile'))
    )
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('description', sa.String(length=200), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('size = length(content)', name=op.f('ck_attachments_size_matches')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_attachments_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_case_id'), ['case_id'], unique=False)

    op.create_table('case_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=50), nullable=False),
    sa.Column('scope', sa.String(length=200), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('publication_days', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('notification', 'publication')", name=op.f('ck_case_notices_kind')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_notices_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_notices'))
    )
    with op.batch_alter_table('case_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_notices_case_id'), ['case_id'], unique=False)

    op.create_table('determinations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('facts', sa.JSON(), nullable=False),
    sa.Column('regulation_version', sa.String(length=40), nullable=False),
    sa.Column('proposal', sa.JSON(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('citations', sa.JSON(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('made_by', sa.String(length=50), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('attendees', sa.JSON(), nullable=True),
    sa.Column('decided_outcome', sa.String(length=20), nullable=True),
    sa.Column('leniency', sa.String(length=10), nullable=True),
    sa.Column('differing_reason', sa.Text(), nullable=False),
    sa.Column('decision_notes', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=50), nullable=False),
    sa.CheckConstraint("decided_outcome IS NULL OR decided_outcome = outcome OR differing_reason <> ''", name=op.f('ck_determinations_differing_reason')),
    sa.CheckConstraint("decided_outcome IS NULL OR decided_outcome IN ('not_tolerated', 'duty_fulfilled', 'exempt', 'mitigated')", name=op.f('ck_determinations_decided_outcome')),
    sa.CheckConstraint("leniency IS NULL OR leniency IN ('lighter', 'reduced')", name=op.f('ck_determinations_leniency')),
    sa.CheckConstraint("outcome IN ('not_tolerated', 'duty_fulfilled', 'exempt', 'mitigated')", name=op.f('ck_determinations_outcome')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_determinations_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_determinations'))
    )
    with op.batch_alter_table('determinations', schema=None) as batch_op:
        batch_op.create_index('ix_determinations_case_id', ['case_id', 'id'], unique=False)

    op.create_table('officers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('ethnicity', sa.String(length=20), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('post', sa.String(length=50), nullable=False),
    sa.Column('badge_number', sa.String(length=30), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("badge_number IS NULL OR badge_number <> ''", name=op.f('ck_officers_badge_not_empty')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_officers_department_id_departments'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_officers')),
    sa.UniqueConstraint('badge_number', name=op.f('uq_officers_badge_number'))
    )
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_officers_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_officers_name'), ['name'], unique=False)

    op.create_table('petitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('real_name', sa.Boolean(), nullable=False),
    sa.Column('reporter_name', sa.String(length=50), nullable=True),
    sa.Column('reporter_contact', sa.String(length=100), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('allegations', sa.Text(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('conclusion', sa.String(length=20), nullable=True),
    sa.Column('malicious', sa.Boolean(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("conclusion IS NULL OR conclusion IN ('unfounded', 'no_evidence', 'tolerated', 'substantiated')", name=op.f('ck_petitions_conclusion')),
    # A boolean is 1 on SQLite and `true` on PostgreSQL (which has no boolean = integer).
    sa.CheckConstraint(('real_name = 1' if _dialect() == 'sqlite' else 'real_name') + ' OR (reporter_name IS NULL AND reporter_contact IS NULL)', name=op.f('ck_petitions_anonymous_has_no_identity')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_petitions_case_id_cases'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_petitions'))
    )
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_petitions_case_id'), ['case_id'], unique=False)

    op.create_table('rectification_orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('ordered_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'extended', 'completed', 'overdue')", name=op.f('ck_rectification_orders_status')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_rectification_orders_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rectification_orders'))
    )
    with op.batch_alter_table('rectification_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rectification_orders_case_id'), ['case_id'], unique=False)

    op.create_table('case_officers',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_officers_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_case_officers_officer_id_officers'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('case_id', 'officer_id', name=op.f('pk_case_officers'))
    )
    with op.batch_alter_table('case_officers', schema=None) as batch_op:
        batch_op.create_index('ix_case_officers_officer_id', ['officer_id', 'case_id'], unique=False)

    op.create_table('extension_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=False),
    sa.Column('requested_days', sa.Integer(), nullable=True),
    sa.Column('new_deadline', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reply', sa.Text(), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'approved', 'refused')", name=op.f('ck_extension_requests_status')),
    sa.CheckConstraint('requested_days IS NULL OR requested_days > 0', name=op.f('ck_extension_requests_days_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['rectification_orders.id'], name=op.f('fk_extension_requests_order_id_rectification_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extension_requests'))
    )
    with op.batch_alter_table('extension_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_extension_requests_order_id'), ['order_id'], unique=False)

    op.create_table('follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('followed_on', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=50), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_follow_ups_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['rectification_orders.id'], name=op.f('fk_follow_ups_order_id_rectification_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_ups'))
    )
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_ups_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_follow_ups_order_id'), ['order_id'], unique=False)

    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('petition_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('signer', sa.String(length=50), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=50), nullable=False),
    sa.CheckConstraint('seq > 0', name=op.f('ck_issued_documents_seq_positive')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_issued_documents_case_id_cases')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_issued_documents_petition_id_petitions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('number', name=op.f('uq_issued_documents_number')),
    sa.UniqueConstraint('prefix', 'year', 'seq', name=op.f('uq_issued_documents_prefix_year_seq'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_petition_id'), ['petition_id'], unique=False)

    op.create_table('petition_officers',
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_petition_officers_officer_id_officers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_petition_officers_petition_id_petitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('petition_id', 'officer_id', name=op.f('pk_petition_officers'))
    )
    op.create_table('petition_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=False),
    sa.Column('scope', sa.String(length=200), nullable=False),
    sa.Column('method', sa.String(length=50), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('feedback', 'explanation', 'clarification')", name=op.f('ck_petition_responses_kind')),
    sa.ForeignKeyConstraint(['officer_id'], ['officers.id'], name=op.f('fk_petition_responses_officer_id_officers'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_petition_responses_petition_id_petitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_petition_responses'))
    )
    with op.batch_alter_table('petition_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_petition_responses_petition_id'), ['petition_id'], unique=False)

    op.create_table('document_voids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], name=op.f('fk_document_voids_document_id_issued_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_voids')),
    sa.UniqueConstraint('document_id', name=op.f('uq_document_voids_document_id'))
    )
    op.create_table('number_register',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('drawn_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.CheckConstraint("document_id IS NOT NULL OR note <> ''", name=op.f('ck_number_register_unlinked_has_note')),
    sa.CheckConstraint('seq > 0', name=op.f('ck_number_register_seq_positive')),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], name=op.f('fk_number_register_document_id_issued_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_register')),
    sa.UniqueConstraint('document_id', name=op.f('uq_number_register_document_id')),
    sa.UniqueConstraint('prefix', 'year', 'seq', name=op.f('uq_number_register_prefix_year_seq'))
    )
    create_protections()
    create_search_index()


def downgrade() -> None:
    op.execute(ddl.drop_trigger(_dialect(), "cases_unindex", "cases"))
    op.execute("DROP TABLE case_search_index")
    for table in IMMUTABLE_TABLES:
        verbs = ("update", "delete") + (("truncate",) if _dialect() == "postgresql" else ())
        for verb in verbs:
            op.execute(ddl.drop_trigger(_dialect(), f"{table}_no_{verb}", table))
    op.drop_table('number_register')
    op.drop_table('document_voids')
    with op.batch_alter_table('petition_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petition_responses_petition_id'))

    op.drop_table('petition_responses')
    op.drop_table('petition_officers')
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_petition_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_kind'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_case_id'))

    op.drop_table('issued_documents')
    with op.batch_alter_table('follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_ups_order_id'))
        batch_op.drop_index(batch_op.f('ix_follow_ups_case_id'))

    op.drop_table('follow_ups')
    with op.batch_alter_table('extension_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_extension_requests_order_id'))

    op.drop_table('extension_requests')
    with op.batch_alter_table('case_officers', schema=None) as batch_op:
        batch_op.drop_index('ix_case_officers_officer_id')

    op.drop_table('case_officers')
    with op.batch_alter_table('rectification_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rectification_orders_case_id'))

    op.drop_table('rectification_orders')
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_petitions_case_id'))

    op.drop_table('petitions')
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_officers_name'))
        batch_op.drop_index(batch_op.f('ix_officers_department_id'))

    op.drop_table('officers')
    with op.batch_alter_table('determinations', schema=None) as batch_op:
        batch_op.drop_index('ix_determinations_case_id')

    op.drop_table('determinations')
    with op.batch_alter_table('case_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_notices_case_id'))

    op.drop_table('case_notices')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_case_id'))

    op.drop_table('attachments')
    op.drop_table('township_profile')
    op.drop_table('settings')
    op.drop_table('departments')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_updated_at_id')
        batch_op.drop_index('ix_cases_status_reported_on')
        batch_op.drop_index('ix_cases_source_reported_on')
        batch_op.drop_index('ix_cases_reported_on_id')
        batch_op.drop_index('ix_cases_outcome_reported_on')
        batch_op.drop_index('ix_cases_occurred_on_id')
        batch_op.drop_index('ix_cases_field_reported_on')

    op.drop_table('cases')
    op.drop_table('calendar_days')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
